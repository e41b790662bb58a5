using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Features.Employers;
using Nolb.Web.Features.Participants;
using Nolb.Web.Features.ServiceDirectory;

namespace Nolb.Web.Features.DeliveryPlans;

/// <summary>A table of figures from Nolb's own data, embedded in a plan section.</summary>
public sealed record EvidenceTable(string SectionKey, string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// The live evidence tables of Sections 3.3, 4.1 and 6.2, one small query each, for one LEP and the current
/// financial year (April–March). Aggregate counts only: no person's record is read. A draft shows them as they are
/// now; approval copies them into the version, so an approved plan keeps the figures it was approved on.
/// </summary>
public sealed class PlanEvidence(NolbDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public static DateOnly FinancialYearStart(DateOnly day) => new(day.Month >= 4 ? day.Year : day.Year - 1, 4, 1);

    public async Task<IReadOnlyList<EvidenceTable>> ForLepAsync(Guid lepId, CancellationToken ct) =>
        [await StartsByGroupAsync(lepId, ct), await SupplyByStageAsync(lepId, ct), await OutcomesAsync(lepId, ct),
            .. await Improvement.ImprovementEvidence.ForLepAsync(db, lepId, Today, ct)];

    private string YearLabel
    {
        get
        {
            var start = FinancialYearStart(Today);
            return $"{start.Year.ToString(CultureInfo.InvariantCulture)}–{((start.Year + 1) % 100).ToString("00", CultureInfo.InvariantCulture)}";
        }
    }

    /// <summary>3.3: people who started support this financial year, by priority group (a person may be in several).</summary>
    private async Task<EvidenceTable> StartsByGroupAsync(Guid lepId, CancellationToken ct)
    {
        var from = FinancialYearStart(Today);
        var starts = await db.Engagements.AsNoTracking()
            .Where(e => e.LepId == lepId && e.StartDate >= from && e.StartDate <= Today)
            .Select(e => new
            {
                e.StartDate,
                e.Participant!.DateOfBirth,
                e.Participant.Circumstances.Parent,
                e.Participant.Circumstances.CareExperienced,
                e.Participant.Circumstances.Carer,
                e.Participant.Circumstances.JusticeExperience,
                e.Participant.Circumstances.HomelessOrAtRisk,
                e.Participant.Circumstances.RefugeeOrAsylumSeeker,
                e.Participant.Circumstances.SubstanceUseRecovery,
            })
            .ToListAsync(ct);
        var groups = new (string Label, int Count)[]
        {
            ("Everyone who started", starts.Count),
            ("Aged 16 to 24 when they started", starts.Count(s => Age.OnDate(s.DateOfBirth, s.StartDate) is >= 16 and <= 24)),
            ("Parents", starts.Count(s => s.Parent)),
            ("Care experienced", starts.Count(s => s.CareExperienced)),
            ("Carers", starts.Count(s => s.Carer)),
            ("Justice experience", starts.Count(s => s.JusticeExperience)),
            ("Homeless or at risk", starts.Count(s => s.HomelessOrAtRisk)),
            ("Refugees or asylum seekers", starts.Count(s => s.RefugeeOrAsylumSeeker)),
            ("In recovery from substance use", starts.Count(s => s.SubstanceUseRecovery)),
        };
        return new EvidenceTable("3.3", $"People who started support in {YearLabel}, by priority group",
            ["Group", "People"], groups.Select(g => (IReadOnlyList<string>)[g.Label, Count(g.Count)]).ToList());
    }

    /// <summary>4.1: the supply map from the service directory: open services and places a quarter at each pipeline stage.</summary>
    private async Task<EvidenceTable> SupplyByStageAsync(Guid lepId, CancellationToken ct)
    {
        var services = await db.DirectoryServices.AsNoTracking()
            .Where(s => s.Active && (s.LepId == null || s.LepId == lepId))
            .Select(s => new { s.Stages, s.TargetGroups, s.PlacesPerQuarter })
            .ToListAsync(ct);
        var rows = Enum.GetValues<PipelineStage>().Select(stage =>
        {
            var at = services.Where(s => s.Stages.Contains(stage)).ToList();
            var groups = at.SelectMany(s => s.TargetGroups).Distinct().Count();
            return (IReadOnlyList<string>)[stage.Label(), Count(at.Count), Count(at.Sum(s => s.PlacesPerQuarter ?? 0)), Count(groups)];
        }).ToList();
        return new EvidenceTable("4.1", "Open services in the directory (the LEP's and national ones) at each pipeline stage",
            ["Stage", "Services", "Places a quarter", "Target groups served"], rows);
    }

    /// <summary>6.2: outcomes recorded this financial year, by kind.</summary>
    private async Task<EvidenceTable> OutcomesAsync(Guid lepId, CancellationToken ct)
    {
        var from = FinancialYearStart(Today);
        var kinds = await db.Outcomes.AsNoTracking()
            .Where(o => o.LepId == lepId && o.StartDate >= from && o.StartDate <= Today)
            .Select(o => o.Kind)
            .ToListAsync(ct);
        var rows = Enum.GetValues<Domain.Outcomes.OutcomeKind>()
            .Select(kind => (IReadOnlyList<string>)[kind.Label(), Count(kinds.Count(k => k == kind))])
            .Append(["All outcomes", Count(kinds.Count)])
            .ToList();
        return new EvidenceTable("6.2", $"Outcomes people achieved in {YearLabel}", ["Outcome", "People"], rows);
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
