using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Improvement;
using Nolb.Web.Features.DeliveryPlans;

namespace Nolb.Web.Features.Improvement;

/// <summary>
/// Live evidence for the delivery plan from the improvement records: Section 1.5 gets the partnership's latest self-assessment
/// against the LEP framework themes, Section 6.3 the progress of the improvement action plan.
/// </summary>
public static class ImprovementEvidence
{
    public static async Task<IReadOnlyList<EvidenceTable>> ForLepAsync(NolbDbContext db, Guid lepId, DateOnly today, CancellationToken ct) =>
        [await SelfAssessmentAsync(db, lepId, ct), await ActionsAsync(db, lepId, today, ct)];

    private static async Task<EvidenceTable> SelfAssessmentAsync(NolbDbContext db, Guid lepId, CancellationToken ct)
    {
        var latest = await db.SelfAssessments.AsNoTracking()
            .Where(a => a.LepId == lepId && a.Framework == AssessmentFramework.LepFramework && a.OrganisationId == null)
            .OrderByDescending(a => a.FinancialYear).FirstOrDefaultAsync(ct);
        var themes = AssessmentFrameworks.LepThemes.Items;
        var caption = latest is null
            ? "The partnership's self-assessment against the LEP framework themes (none recorded yet)"
            : $"The partnership's self-assessment against the LEP framework themes, {new Domain.Commissioning.FinancialYear(latest.FinancialYear).Label} ({latest.Status.ToString().ToLowerInvariant()})";
        return new EvidenceTable("1.5", caption, ["Theme", "Rating"],
            themes.Select(t => (IReadOnlyList<string>)[t.Name, latest?.ScoreFor(t.Code) is { } s ? SelfAssessmentScale.Label(s) : "not rated"]).ToList());
    }

    private static async Task<EvidenceTable> ActionsAsync(NolbDbContext db, Guid lepId, DateOnly today, CancellationToken ct)
    {
        var actions = await db.ImprovementActions.AsNoTracking().Where(a => a.LepId == lepId).Select(a => new { a.Status, a.DueDate }).ToListAsync(ct);
        var overdue = actions.Count(a => a.DueDate < today && a.Status is ImprovementStatus.NotStarted or ImprovementStatus.InProgress);
        var rows = Enum.GetValues<ImprovementStatus>()
            .Select(s => (IReadOnlyList<string>)[ImprovementLabels.Label(s), Count(actions.Count(a => a.Status == s))])
            .Append(["Overdue (not done by the due date)", Count(overdue)])
            .Append(["All actions", Count(actions.Count)])
            .ToList();
        return new EvidenceTable("6.3", "Progress of the improvement action plan", ["Actions", "Number"], rows);
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}

public static class ImprovementLabels
{
    public static string Label(ImprovementStatus status) => status switch
    {
        ImprovementStatus.NotStarted => "Not started",
        ImprovementStatus.InProgress => "In progress",
        ImprovementStatus.Done => "Done",
        _ => "Dropped",
    };

    public static string Label(SelfAssessmentStatus status) => status switch
    {
        SelfAssessmentStatus.Draft => "Draft",
        SelfAssessmentStatus.Submitted => "Submitted for review",
        SelfAssessmentStatus.Accepted => "Accepted",
        _ => "Returned for changes",
    };
}
