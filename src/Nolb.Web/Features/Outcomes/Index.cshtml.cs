using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Outcomes;

/// <summary>An engagement's outcomes, their sustainment checks with due dates, and the aftercare contacts (the read is audited).</summary>
[Authorize(Policy = Permissions.Participants.ReadOwnCaseload)]
public sealed class IndexModel(EngagementCases cases, OutcomeCommands commands, TimeProvider clock) : PageModel
{
    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }
    public Guid EngagementId { get; private set; }
    public bool CanEdit { get; private set; }
    public bool EngagementOpen { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<Outcome> Outcomes { get; private set; } = [];
    public IReadOnlyList<AftercareContact> Aftercare { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await cases.ReadAsync(id, OutcomeCommands.AuditedAs, ct);
        if (found is null)
        {
            return NotFound();
        }

        Heading = found.Heading("Outcomes and in-work support");
        EngagementId = id;
        CanEdit = found.CanEdit;
        EngagementOpen = found.Engagement.IsOpen;
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Outcomes = await commands.OutcomesAsync(id, ct);
        Aftercare = await commands.AftercareAsync(id, ct);
        return Page();
    }
}
