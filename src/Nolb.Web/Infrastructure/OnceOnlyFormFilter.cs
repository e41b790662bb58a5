using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// Makes every form a signed-in user sends harmless to send twice: a form with a one-time token
/// (<see cref="OnceOnlyFormTagHelper"/>) is handled once for the same token, user, address and fields. A copy that arrives
/// while the first is being handled waits for it and is sent where the first was sent (the browser shows the answer to
/// the last click, so the user lands on the record made once); a copy after a redirect goes straight there. A copy
/// of a form whose first sending was re-shown with errors is handled again. The same token with other fields (the form
/// reopened with the browser's back button and changed) is a new sending, never lost.
/// </summary>
public sealed class OnceOnlyFormFilter(OnceOnlyForms forms) : IAsyncPageFilter
{
    /// <summary>Longer than any form takes to save; a copy still waiting after this is told to check and try again.</summary>
    public static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(20);

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var key = await KeyAsync(http);
        if (key is null)
        {
            await next();
            return;
        }

        while (!forms.TryClaim(key, out var first))
        {
            string? sentTo;
            try
            {
                sentTo = await first.WaitAsync(WaitForFirst, http.RequestAborted);
            }
            catch (TimeoutException)
            {
                context.Result = StillBeingSent(http);
                return;
            }

            if (sentTo is not null)
            {
                context.Result = new LocalRedirectResult(sentTo);
                return;
            }
        }

        http.Response.OnStarting(() =>
        {
            var location = http.Response.Headers.Location.ToString();
            if (http.Response.StatusCode is >= 300 and < 400 && IsLocal(location))
            {
                forms.Complete(key, location);
            }
            else
            {
                forms.Release(key);
            }

            return Task.CompletedTask;
        });
        http.Response.OnCompleted(() =>
        {
            forms.Release(key);
            return Task.CompletedTask;
        });

        var executed = await next();
        if (executed.Exception is not null && !executed.ExceptionHandled)
        {
            forms.Release(key);
        }
    }

    /// <summary>The sending's identity: token, user, address and every field but the anti-forgery token; null when the form has no token.</summary>
    private static async Task<string?> KeyAsync(HttpContext http)
    {
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType || http.User.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var form = await request.ReadFormAsync(http.RequestAborted);
        var token = form[OnceOnlyForms.FieldName].ToString();
        if (token.Length == 0)
        {
            return null;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string? text) => hash.AppendData(Encoding.UTF8.GetBytes((text ?? "") + "\u001f"));
        Add(http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? http.User.Identity.Name);
        Add(request.Path + request.QueryString);
        foreach (var field in form.Where(f => f.Key != "__RequestVerificationToken").OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            Add(field.Key);
            foreach (var value in field.Value)
            {
                Add(value);
            }
        }

        foreach (var file in form.Files)
        {
            Add($"{file.Name}:{file.FileName}:{file.Length}");
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static bool IsLocal(string location) =>
        location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal) && !location.StartsWith("/\\", StringComparison.Ordinal);

    private static ContentResult StillBeingSent(HttpContext http) => new()
    {
        StatusCode = StatusCodes.Status409Conflict,
        ContentType = "text/html; charset=utf-8",
        Content = DatabaseUnavailable.Page(
            "This form is already being sent",
            ["The same form was sent twice and the first is still being saved, so this copy was not.",
                "Wait a moment, then check the record before sending the form again."],
            http.TraceIdentifier),
    };
}
