using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Nolb.Web.Features.Errors;

/// <summary>The friendly page for every error status and for unexpected failures.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Sorry, there is a problem with the service";
    public string Explanation { get; private set; } = "Something went wrong on our side. Nothing you entered was saved. Try again later.";
    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        switch (code)
        {
            case StatusCodes.Status404NotFound:
                Title = "Page not found";
                Explanation = "If you typed the web address, check it is correct. If you followed a link, the record may have been removed or may not be yours to see.";
                break;
            case StatusCodes.Status403Forbidden:
                Title = "You cannot see this page";
                Explanation = "Your role does not include this part of Nolb. If you need it for your work, ask your Nolb administrator.";
                break;
            case StatusCodes.Status429TooManyRequests:
                Title = "Too many attempts";
                Explanation = "You have tried too many times in a short while. Wait a minute, then try again.";
                break;
            case StatusCodes.Status400BadRequest:
                Title = "The form could not be sent";
                Explanation = "The page may have been open too long. Go back, reload the page and try again.";
                break;
        }

        Response.StatusCode = code ?? StatusCodes.Status500InternalServerError;
    }
}
