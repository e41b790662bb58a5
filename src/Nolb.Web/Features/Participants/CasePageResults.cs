using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Nolb.Web.Features.Participants;

/// <summary>Turns a case command's outcome into what a page does: redirect, 404, 403, or the form again with the error on its field.</summary>
public static class CasePageResults
{
    public static IActionResult? Handle<T>(this CaseCommands.Result<T> result, ModelStateDictionary modelState)
    {
        switch (result.Outcome)
        {
            case CaseCommands.Outcome.NotFound:
                return new NotFoundResult();
            case CaseCommands.Outcome.Forbidden:
                return new ForbidResult();
            case CaseCommands.Outcome.Invalid:
                var field = result.Field is { Length: > 0 } f ? $"Input.{char.ToUpperInvariant(f[0])}{f[1..]}" : "";
                modelState.AddModelError(field, result.Error!);
                return null;
            default:
                return null;
        }
    }
}
