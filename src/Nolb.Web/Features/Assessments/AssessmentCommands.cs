using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Assessments;

/// <summary>What a key worker records for an assessment, from the page or the API, before it is checked.</summary>
public sealed record AssessmentInput(
    DateOnly? AssessedOn, IReadOnlyDictionary<AssessmentDomain, int?> Scores, string? Strengths, string? Aspirations);

/// <summary>Records needs assessments and reads them back for a case, with the distance travelled since the first.</summary>
public sealed class AssessmentCommands(NolbDbContext db, EngagementCases cases, CurrentUser currentUser, TimeProvider clock)
{
    public const string AuditedAs = "NeedsAssessments";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<PlanningResult<NeedsAssessment>> CreateAsync(Guid engagementId, AssessmentInput input, CancellationToken ct)
    {
        var found = await cases.FindAsync(engagementId, ct);
        if (found is null)
        {
            return PlanningResult.NotFound<NeedsAssessment>();
        }

        if (!found.CanEdit)
        {
            return PlanningResult.Forbidden<NeedsAssessment>();
        }

        var engagement = found.Engagement;
        var (assessment, errors) = NeedsAssessment.Record(
            engagement.Id, engagement.LepId, engagement.StartDate, engagement.LeftOn,
            input.AssessedOn, input.Scores, input.Strengths, input.Aspirations,
            currentUser.Id ?? throw new InvalidOperationException("A signed-in user is needed."), Today, clock.GetUtcNow().UtcDateTime);
        if (assessment is null)
        {
            return PlanningResult.Invalid<NeedsAssessment>(errors);
        }

        db.NeedsAssessments.Add(assessment);
        await db.SaveChangesAsync(ct);
        return PlanningResult.Done<NeedsAssessment>(assessment);
    }

    /// <summary>Every assessment of the engagement, oldest first. The caller has checked access and audited the read.</summary>
    public Task<List<NeedsAssessment>> ListAsync(Guid engagementId, CancellationToken ct) =>
        db.NeedsAssessments.AsNoTracking().Include(a => a.Scores)
            .Where(a => a.EngagementId == engagementId)
            .OrderBy(a => a.AssessedOn).ThenBy(a => a.RecordedAt)
            .ToListAsync(ct);
}
