using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.ActionPlans;
using Nolb.Web.Domain.Assessments;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.ActionPlans;

/// <summary>
/// The plan to print and give to the person: in their words and plain language, with no assessment scores
/// or barrier labels (seed 000: no deficit labels shown to participants). The read is audited.
/// </summary>
[Authorize(Policy = Permissions.Participants.ReadOwnCaseload)]
public sealed class PrintModel(EngagementCases cases, ActionPlanCommands commands, NolbDbContext db, TimeProvider clock) : PageModel
{
    public Guid EngagementId { get; private set; }
    public string PersonName { get; private set; } = "";
    public string? KeyWorkerName { get; private set; }
    public ActionPlan? Plan { get; private set; }
    public NeedsAssessment? LatestAssessment { get; private set; }
    public DateOnly Today { get; private set; }

    public IEnumerable<ActionPlanItem> OpenItems => Items.Where(i => i.IsOpen);
    public IEnumerable<ActionPlanItem> DoneItems => Items.Where(i => i.Status == ActionStatus.Done);

    private IEnumerable<ActionPlanItem> Items => Plan?.Items.OrderBy(i => i.DueDate ?? DateOnly.MaxValue).ThenBy(i => i.CreatedAt) ?? Enumerable.Empty<ActionPlanItem>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await cases.ReadAsync(id, ActionPlanCommands.AuditedAs, ct);
        if (found is null)
        {
            return NotFound();
        }

        EngagementId = id;
        PersonName = found.Participant.DisplayName;
        KeyWorkerName = found.Engagement.KeyWorkerId is { } keyWorker
            ? await db.Users.Where(u => u.Id == keyWorker).Select(u => u.DisplayName).SingleOrDefaultAsync(ct)
            : null;
        Plan = await commands.PlanAsync(id, ct);
        LatestAssessment = await db.NeedsAssessments.AsNoTracking()
            .Where(a => a.EngagementId == id)
            .OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.RecordedAt)
            .FirstOrDefaultAsync(ct);
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return Page();
    }
}
