using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Audit;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Admin.Audit;

/// <summary>
/// Unusual access in a stretch of the audit trail (the last seven days unless dates are given), flagged by the rules of
/// <see cref="UnusualAccessRules"/>, each flag with the entries behind it. Looking is itself audited.
/// </summary>
[Authorize(Policy = Permissions.Audit.Search)]
public sealed class UnusualModel(ReportingDbContextFactory reporting, AuditLog audit, IOptions<UnusualAccessRules> rules, TimeProvider clock) : PageModel
{
    /// <summary>Enough for a week of a large partnership; a longer stretch is refused rather than loaded whole.</summary>
    public const int MaxEntries = 200_000;

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public UnusualAccessRules Rules => rules.Value;
    public IReadOnlyList<UnusualAccessFlag> Flags { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        To ??= today;
        From ??= To.Value.AddDays(-6);
        if (To < From)
        {
            ModelState.AddModelError(nameof(To), "The 'to' date must be the same as or after the 'from' date");
            return;
        }

        var start = UkTime.ToUtc(From.Value, TimeOnly.MinValue);
        var end = UkTime.ToUtc(To.Value.AddDays(1), TimeOnly.MinValue);
        await using var db = reporting.Create();
        var entries = await db.AuditEntries.Where(a => a.OccurredAt >= start && a.OccurredAt < end)
            .OrderBy(a => a.Id).Take(MaxEntries + 1).ToListAsync(ct);
        if (entries.Count > MaxEntries)
        {
            ModelState.AddModelError(nameof(From), "There are too many entries in these dates to check at once. Choose a shorter stretch of days");
            return;
        }

        var readers = entries.Where(e => e.Action == AuditAction.Read && e.ActorUserId != null).Select(e => e.ActorUserId!.Value).Distinct().ToList();
        var caseloads = (await db.Engagements.Where(e => e.KeyWorkerId != null && readers.Contains(e.KeyWorkerId.Value))
                .Select(e => new { KeyWorkerId = e.KeyWorkerId!.Value, e.ParticipantId }).ToListAsync(ct))
            .Select(e => (e.KeyWorkerId, e.ParticipantId.ToString())).ToHashSet();
        Flags = UnusualAccess.Find(entries, (user, person) => caseloads.Contains((user, person)), Rules, UkTime.Zone);
        await audit.AuditReviewedAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"looked at unusual access from {From:yyyy-MM-dd} to {To:yyyy-MM-dd}: {Flags.Count} flags"), ct);
    }

    public static string Describe(UnusualAccessKind kind) => kind switch
    {
        UnusualAccessKind.RecordsOutsideCaseload => "Many records outside their caseload",
        UnusualAccessKind.OutsideWorkingHours => "Access outside working hours",
        UnusualAccessKind.FailedSignIns => "Many failed sign-ins",
        UnusualAccessKind.BulkExports => "Bulk exports",
        _ => kind.ToString(),
    };
}
