using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Assessments;

/// <summary>An engagement's needs assessments: the latest in full and each domain compared with the first. Every view is audited.</summary>
[Authorize(Policy = Permissions.Participants.ReadOwnCaseload)]
public sealed class IndexModel(EngagementCases cases, AssessmentCommands assessments, NolbDbContext db) : PageModel
{
    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }
    public Guid EngagementId { get; private set; }
    public bool CanEdit { get; private set; }
    public IReadOnlyList<NeedsAssessment> Assessments { get; private set; } = [];
    public DistanceTravelled.Result Progress { get; private set; } = DistanceTravelled.Calculate([]);
    public IReadOnlyDictionary<Guid, string> UserNames { get; private set; } = new Dictionary<Guid, string>();

    public NeedsAssessment? First => Assessments.Count > 0 ? Assessments[0] : null;
    public NeedsAssessment? Latest => Assessments.Count > 0 ? Assessments[^1] : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await cases.ReadAsync(id, AssessmentCommands.AuditedAs, ct);
        if (found is null)
        {
            return NotFound();
        }

        Heading = found.Heading("Needs assessment");
        EngagementId = id;
        CanEdit = found.CanEdit && found.Engagement.IsOpen;
        Assessments = await assessments.ListAsync(id, ct);
        Progress = DistanceTravelled.Calculate(Assessments.Select(a => a.ToSnapshot()));
        var userIds = Assessments.Select(a => a.AssessedByUserId).Distinct().ToList();
        UserNames = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return Page();
    }

    public string NameOf(Guid userId) => UserNames.TryGetValue(userId, out var name) ? name : "Unknown";
}
