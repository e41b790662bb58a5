using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Assessments;

/// <summary>Each area's score over time as a chart and, with the same data, a table; and the change from the first assessment to the latest.</summary>
[Authorize(Policy = Permissions.Participants.ReadOwnCaseload)]
public sealed class DistanceTravelledModel(EngagementCases cases, AssessmentCommands assessments) : PageModel
{
    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }
    public Guid EngagementId { get; private set; }
    public DistanceTravelled.Result Progress { get; private set; } = DistanceTravelled.Calculate([]);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await cases.ReadAsync(id, AssessmentCommands.AuditedAs, ct);
        if (found is null)
        {
            return NotFound();
        }

        Heading = found.Heading("Distance travelled");
        EngagementId = id;
        Progress = DistanceTravelled.Calculate((await assessments.ListAsync(id, ct)).Select(a => a.ToSnapshot()));
        return Page();
    }
}
