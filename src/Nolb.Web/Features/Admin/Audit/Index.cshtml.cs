using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Features.Admin.Users;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Admin.Audit;

/// <summary>
/// Search the audit trail by person, user, action, record, LEP and time, a page at a time, or download the matches as
/// CSV. Reads from the reporting database; every search and download is itself written to the trail.
/// </summary>
[Authorize(Policy = Permissions.Audit.Search)]
public sealed class IndexModel(ReportingDbContextFactory reporting, AuditLog audit) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public AuditAction? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Record { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Lep { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public bool More { get; private set; }
    public IReadOnlyList<SelectListItem> Actions { get; } =
        Enum.GetValues<AuditAction>().Select(a => new SelectListItem(a.ToString(), a.ToString())).ToList();
    public IReadOnlyList<SelectListItem> Leps { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> LepNames { get; private set; } = new Dictionary<Guid, string>();

    private AuditFilter Filter => new(Person, Actor, Action, Record, Lep, From, To);

    /// <summary>The query string of this search, for the paging and download links.</summary>
    public Dictionary<string, string> RouteValues(int? page = null)
    {
        var values = new Dictionary<string, string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[key] = value;
            }
        }

        Add(nameof(Person), Person);
        Add(nameof(Actor), Actor);
        Add(nameof(Action), Action?.ToString());
        Add(nameof(Record), Record);
        Add(nameof(Lep), Lep);
        Add(nameof(From), From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add(nameof(To), To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("p", page?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return values;
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await using var db = reporting.Create();
        Leps = await UserChoices.LepsAsync(db, ct);
        LepNames = await db.Leps.ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        if (!Validate())
        {
            return;
        }

        var query = await Filter.ApplyAsync(db, ct);
        var page = await query.Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        More = page.Count > PageSize;
        Entries = page.Take(PageSize).ToList();
        await audit.AuditReviewedAsync($"searched the audit trail: {Filter.Describe()}", ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!Validate())
        {
            await OnGetAsync(ct);
            return Page();
        }

        await audit.ExportedAsync("AuditTrail", $"downloaded the audit trail as CSV: {Filter.Describe()}", ct);
        var filter = Filter;
        return new FileCallbackResult("text/csv; charset=utf-8", "audit-trail.csv", async (stream, token) =>
        {
            await using var db = reporting.Create();
            var query = await filter.ApplyAsync(db, token);
            await AuditFilter.WriteCsvAsync(query.AsAsyncEnumerable(), stream, token);
        });
    }

    private bool Validate()
    {
        if (From is { } from && To is { } to && to < from)
        {
            ModelState.AddModelError(nameof(To), "The 'to' date must be the same as or after the 'from' date");
        }

        if (PageNumber < 1)
        {
            ModelState.AddModelError(nameof(PageNumber), "The page number must be 1 or more");
        }

        return ModelState.IsValid;
    }
}

/// <summary>A download written straight to the response, so a large export is never held in memory.</summary>
public sealed class FileCallbackResult(string contentType, string fileName, Func<Stream, CancellationToken, Task> write) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = contentType;
        response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = fileName }.ToString();
        await write(response.Body, context.HttpContext.RequestAborted);
    }
}
