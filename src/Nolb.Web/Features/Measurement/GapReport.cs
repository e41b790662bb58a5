using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nolb.Web.Data;
using Nolb.Web.Domain.Measurement;

namespace Nolb.Web.Features.Measurement;

/// <summary>The gap analysis settings: <c>Nolb:Measurement:GapThresholdPoints</c>, the size of gap that is flagged.</summary>
public sealed class GapOptions
{
    public const string Section = "Nolb:Measurement";

    [System.ComponentModel.DataAnnotations.Range(0.1, 100)]
    public decimal GapThresholdPoints { get; set; } = GapRules.DefaultThresholdPoints;
}

/// <summary>A group's figures as shown: counts null where suppressed, with how each is displayed.</summary>
public sealed record GapRow(
    string Group, int? Starts, string StartsDisplay, int? Population, decimal? StartShare, decimal? PopulationShare, decimal? ShareGap, GapFlag ShareFlag,
    int? Supported, string SupportedDisplay, int? JobEntrants, string JobEntrantsDisplay, decimal? JobEntryRate, decimal? RateGap, GapFlag RateFlag);

public sealed record GapDimension(
    string Dimension, string Name, bool HasPopulation, IReadOnlyList<GapRow> Groups,
    int? TotalStarts, string TotalStartsDisplay, int? TotalSupported, string TotalSupportedDisplay, int? TotalJobEntrants, string TotalJobEntrantsDisplay,
    decimal? AverageJobEntryRate);

public sealed record PopulationSourceDto(string Source, DateOnly FiguresDate, DateTime LoadedAt);

public sealed record GapAnalysisResult(
    string Area, PeriodDto Period, bool DisclosureControlled, decimal ThresholdPoints, PopulationSourceDto? Population,
    IReadOnlyList<GapDimension> Dimensions);

/// <summary>
/// Section 3.3's equality gaps for an LEP (or Scotland, whose population is the sum of the LEP areas' figures):
/// the figures from <see cref="MeasurementData"/>, the population from the loaded reference data, the rules in
/// <see cref="GapAnalysis"/>, and disclosure control where <see cref="Statistics.MustControl"/> says so.
/// </summary>
public sealed class GapReport(MeasurementData data, Statistics statistics, JointDisclosure joint, ReportingDbContextFactory reporting, IOptions<GapOptions> options)
{
    public decimal ThresholdPoints => options.Value.GapThresholdPoints;

    public async Task<GapAnalysisResult> AnalyseAsync(Guid? lepId, string area, ReportingPeriod period, CancellationToken ct)
    {
        var control = statistics.MustControl(lepId, []);
        // The gaps are drawn from starts, people supported and job entries: engagements and outcomes only.
        var facts = await data.LoadAsync(new MeasurementScope(lepId), period, FactKinds.Outcomes, ct);
        List<PopulationEntry> population;
        PopulationSourceDto? source;
        await using (var db = reporting.Create())
        {
            source = await db.ReferenceDatasets.Where(d => d.Kind == ReferenceDataKind.WorkingAgePopulation)
                .Select(d => new PopulationSourceDto(d.Source, d.FiguresDate, d.LoadedAt)).SingleOrDefaultAsync(ct);
            population = (await db.PopulationFigures.Where(p => lepId == null || p.LepId == lepId)
                    .GroupBy(p => new { p.Dimension, p.Group })
                    .Select(g => new { g.Key.Dimension, g.Key.Group, Population = g.Sum(p => p.Population) })
                    .ToListAsync(ct))
                .Select(p => new PopulationEntry(p.Dimension, p.Group, p.Population)).ToList();
        }

        var rules = new GapRules(ThresholdPoints, DisclosureRules.Default);
        var dimensions = GapAnalysis.Analyse(facts, period, population, rules, control, control ? await SharedAsync(lepId, area, facts, period, ct) : null)
            .Select(Shape).ToList();
        return new GapAnalysisResult(area, statistics.Describe(period), control, ThresholdPoints, population.Count == 0 ? null : source, dimensions);
    }

    private static readonly string[] SharedIndicators = ["starts", "supported"];

    /// <summary>
    /// Starts and people supported as every other table shows them: Scotland's by each breakdown, or the LEP's line of
    /// the by-LEP tables. A quarter's pattern; for any other period (a year), which no other table breaks down, none.
    /// </summary>
    private async Task<GapAnalysis.SharedCount?> SharedAsync(Guid? lepId, string area, MeasurementFacts facts, ReportingPeriod period, CancellationToken ct)
    {
        if (period.Kind != PeriodKind.Quarter)
        {
            return null;
        }

        var scotland = lepId is null ? facts : await data.LoadAsync(MeasurementScope.Scotland, period, FactKinds.Outcomes, ct);
        var leps = await joint.LepsAsync(ct);
        var patterns = SharedIndicators.ToDictionary(code => code, code => joint.Protect(MeasurementData.Catalogue.Find(code)!, scotland, period, leps), StringComparer.Ordinal);
        return (indicator, dimension, group) => (lepId, group) switch
        {
            (null, null) => patterns[indicator].TotalOf([dimension]),
            (null, { } g) => patterns[indicator].At([dimension], [g]),
            (_, null) => patterns[indicator].At(["lep"], [area]),
            (_, { } g) => patterns[indicator].At(["lep", dimension], [area, g]),
        };
    }

    private static GapDimension Shape(DimensionGaps d) => new(
        d.Dimension, d.Name, d.HasPopulation,
        d.Groups.Select(g => new GapRow(
            g.Group, g.Starts.Published, g.Starts.Display(), g.Population, g.StartShare, g.PopulationShare, g.ShareGap, g.ShareFlag,
            g.Supported.Published, g.Supported.Display(), g.JobEntrants.Published, g.JobEntrants.Display(), g.JobEntryRate, g.RateGap, g.RateFlag)).ToList(),
        d.TotalStarts.Published, d.TotalStarts.Display(), d.TotalSupported.Published, d.TotalSupported.Display(),
        d.TotalJobEntrants.Published, d.TotalJobEntrants.Display(), d.AverageJobEntryRate);

    /// <summary>A percentage or a gap in percentage points as the page shows it.</summary>
    public static string Percent(decimal? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";

    public static string Points(decimal? value) => value is { } v ? (v > 0 ? "+" : "") + v.ToString("0.0", CultureInfo.InvariantCulture) : "–";
}
