using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// A form field holding a control character (NUL, ESC, bell: never typed by a person, and NUL cannot be stored
/// by PostgreSQL) is refused before any page handler runs, with a 400 page naming the field; tabs and line
/// breaks are kept. Found by the hostile-input tests, where a NUL in a create form answered 500.
/// </summary>
public sealed class RefuseControlCharacters : IAsyncPageFilter
{
    /// <summary>The one rule for text, for pages and the API alike (<see cref="ApiTextAndDates"/>).</summary>
    public static bool IsRefused(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');

    public static bool IsRefused(string? text) => text is not null && text.Any(IsRefused);

    /// <summary>
    /// Text already stored before this rule (or written straight to the database) made fit for an XML export (.docx, .xlsx):
    /// characters XML 1.0 cannot hold (§2.2: NUL, other C0 controls, lone surrogates) are dropped, so old data cannot break a download.
    /// </summary>
    public static string XmlSafe(string text)
    {
        var kept = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(text[i]).Append(text[++i]);
            }
            else if (System.Xml.XmlConvert.IsXmlChar(text[i]))
            {
                kept.Append(text[i]);
            }
        }

        return kept.Length == text.Length ? text : kept.ToString();
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.HasFormContentType)
        {
            string? field;
            try
            {
                var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
                field = form.Where(f => f.Value.Any(v => v is not null && v.Any(IsRefused))).Select(f => f.Key).FirstOrDefault();
            }
            catch (InvalidDataException)
            {
                // ASP.NET Core's form reader itself refuses NUL ("The form value contains invalid characters"); this
                // also runs when the error page is re-executed for that failure, and answers 400 instead of a bare 500.
                field = "";
            }

            if (field is not null)
            {
                var name = field.Length == 0 ? "one of the fields" : field.StartsWith("Input.", StringComparison.Ordinal) ? field["Input.".Length..] : field;
                context.Result = new ContentResult
                {
                    StatusCode = StatusCodes.Status400BadRequest,
                    ContentType = "text/html; charset=utf-8",
                    Content = DatabaseUnavailable.Page(
                        "The form could not be sent",
                        [$"{(field.Length == 0 ? "One of the fields" : "The field " + name)} contains a control character (such as NUL or ESC) that cannot be kept.", "Go back, remove it from the field and send the form again. Nothing was saved."],
                        context.HttpContext.TraceIdentifier),
                };
                return;
            }
        }

        await next();
    }
}
