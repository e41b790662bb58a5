using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Features.Admin.Users;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Admin.Audit;

/// <summary>Search the audit trail by person (user), action, record, LEP and time. Reads from the reporting database.</summary>
[Authorize(Policy = Permissions.Audit.Search)]
public sealed class IndexModel(ReportingDbContextFactory reporting) : PageModel
{
    private const int PageSize = 100;

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

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public bool More { get; private set; }
    public IReadOnlyList<SelectListItem> Actions { get; } =
        Enum.GetValues<AuditAction>().Select(a => new SelectListItem(a.ToString(), a.ToString())).ToList();
    public IReadOnlyList<SelectListItem> Leps { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> LepNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (From is { } from && To is { } to && to < from)
        {
            ModelState.AddModelError(nameof(To), "The 'to' date must be the same as or after the 'from' date");
            return;
        }

        await using var db = reporting.Create();
        Leps = await UserChoices.LepsAsync(db, ct);
        LepNames = await db.Leps.ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        var query = db.AuditEntries.AsQueryable();
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var user = Actor.Trim();
            query = Guid.TryParse(user, out var userId)
                ? query.Where(a => a.ActorUserId == userId)
                : query.Where(a => a.ActorEmail != null && a.ActorEmail.Contains(user));
        }

        if (Action is { } action)
        {
            query = query.Where(a => a.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(Record))
        {
            var record = Record.Trim();
            query = query.Where(a => a.EntityId == record || a.EntityType == record);
        }

        if (!string.IsNullOrWhiteSpace(Lep))
        {
            var lepId = await db.Leps.Where(l => l.Code == Lep).Select(l => (Guid?)l.Id).SingleOrDefaultAsync(ct);
            query = query.Where(a => a.LepId == lepId);
        }

        if (From is { } start)
        {
            var startInstant = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.OccurredAt >= startInstant);
        }

        if (To is { } end)
        {
            var endInstant = end.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.OccurredAt < endInstant);
        }

        var page = await query.OrderByDescending(a => a.Id).Take(PageSize + 1).ToListAsync(ct);
        More = page.Count > PageSize;
        Entries = page.Take(PageSize).ToList();
    }
}
