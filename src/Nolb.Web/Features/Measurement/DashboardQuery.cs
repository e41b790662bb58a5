using System.Globalization;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Measurement;

/// <summary>What a dashboard is filtered to: a quarter or financial year, a funding stream, a target group, and the intersection asked for.</summary>
public sealed record DashboardFilter(
    ReportingPeriod Period, FundingStream? FundingStream, TargetGroups.TargetGroup? TargetGroup, IntersectionRequest Intersection)
{
    /// <summary>Narrowed to a funding stream or a target group.</summary>
    public bool IsFiltered => FundingStream is not null || TargetGroup is not null;
}

/// <summary>Two breakdowns crossed for one count indicator, such as starts by sex and age band.</summary>
public sealed record IntersectionRequest(string Indicator, string Rows, string Columns)
{
    public static IntersectionRequest Default { get; } = new("starts", "sex", "age-band");

    /// <summary>The count indicators an intersection can be drawn for.</summary>
    public static IReadOnlyList<string> Indicators { get; } = ["starts", "supported", "job-entries"];
}

/// <summary>A figure as shown: the number a chart draws (null when hidden or none) and the text the table shows.</summary>
public sealed record DashboardValue(decimal? Number, string Display);

/// <summary>One indicator on a dashboard: this period, the period before, and Scotland; or why it cannot be shown here.</summary>
public sealed record DashboardFigure(
    string Code, string Name, Measure Measure, string Definition, DashboardValue Current, DashboardValue? Previous, DashboardValue? Scotland, string? Unavailable);

public sealed record DashboardTheme(Theme Theme, IReadOnlyList<DashboardFigure> Figures);

/// <summary>A two-way table after disclosure control; totals are left out when a person can be in more than one group.</summary>
public sealed record IntersectionTable(
    string Indicator, string Name, string RowsHeading, string ColumnsHeading, IReadOnlyList<string> Columns, IReadOnlyList<TableRow> Rows, TableRow? Totals,
    bool Overlapping);

/// <summary>A caseload's or an LEP's dashboard; <c>ScotlandCountedAt</c> is when the Scotland figures were counted, if they were kept for a while.</summary>
public sealed record Dashboard(
    string Area, PeriodDto Period, PeriodDto Previous, bool ComparedWithScotland, IReadOnlyList<DashboardTheme> Themes, IntersectionTable Intersection,
    DateTimeOffset? ScotlandCountedAt = null);

/// <summary>Every LEP side by side, one table per theme, every cell under disclosure control.</summary>
public sealed record NationalDashboard(PeriodDto Period, IReadOnlyList<NationalThemeTable> Themes, IntersectionTable Intersection);

public sealed record NationalThemeTable(Theme Theme, IReadOnlyList<NationalColumn> Columns, IReadOnlyList<NationalRow> Rows, NationalRow Scotland)
{
    /// <summary>The column the theme's chart draws: its first count or percentage that can be shown (-1 when none).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int ChartedColumn => Columns.ToList().FindIndex(c => c.Measure != Measure.Mean && c.Unavailable is null);
}

public sealed record NationalColumn(string Code, string Name, Measure Measure, string? Unavailable);

public sealed record NationalRow(string Lep, IReadOnlyList<DashboardValue> Values);

/// <summary>
/// The figures of the three dashboards, all from the one indicator engine: a key worker's own caseload, an LEP by
/// period against the period before and Scotland, and every LEP side by side for national users. Scotland and
/// national figures, and every intersection, go through disclosure control; an LEP's own staff see their own
/// one-way figures in full.
/// </summary>
public sealed class DashboardQuery(
    MeasurementData data, IndicatorTotals totals, ScotlandFigures scotlandFigures, Statistics statistics, JointDisclosure joint, CurrentUser user)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static IEnumerable<IndicatorDefinition> Live => MeasurementData.Catalogue.Indicators.Where(i => i.IsLive);

    /// <summary>The signed-in user's own caseload, against the period before.</summary>
    public async Task<Dashboard> CaseloadAsync(DashboardFilter filter, CancellationToken ct)
    {
        var scope = new MeasurementScope(user.LepId, user.Id, filter.FundingStream, filter.TargetGroup?.Value);
        return await DashboardAsync("Your caseload", scope, filter, compareWithScotland: false, ct);
    }

    /// <summary>
    /// The signed-in user's LEP, against the period before and against Scotland (disclosure-controlled). Scotland is
    /// compared only for everyone: Scotland's figures for one funding stream or target group are not among the tables
    /// disclosure control protects together, and differenced against those they could tell about a few people.
    /// </summary>
    public async Task<Dashboard> LepAsync(DashboardFilter filter, CancellationToken ct)
    {
        var scope = new MeasurementScope(user.LepId, null, filter.FundingStream, filter.TargetGroup?.Value);
        return await DashboardAsync(user.LepName ?? "Your LEP", scope, filter, compareWithScotland: !filter.IsFiltered, ct);
    }

    private async Task<Dashboard> DashboardAsync(string area, MeasurementScope scope, DashboardFilter filter, bool compareWithScotland, CancellationToken ct)
    {
        var previousPeriod = filter.Period.Previous();
        var unavailable = Unavailability(scope);
        var shown = Live.Where(i => unavailable(i) is null).ToList();
        var current = await TotalsAsync(scope, filter.Period, shown, ct);
        var previous = await TotalsAsync(scope, previousPeriod, shown, ct);
        var (scotland, scotlandCountedAt) = compareWithScotland ? await ScotlandAsync(filter.Period, shown, ct) : (null, null);
        var crossed = await data.LoadAsync(scope, filter.Period, IndicatorEngine.Needs(filter.Intersection.Indicator), ct);

        var themes = Live.GroupBy(i => i.Theme).OrderBy(g => g.Key).Select(g => new DashboardTheme(g.Key, g.Select(indicator =>
        {
            if (unavailable(indicator) is { } reason)
            {
                return new DashboardFigure(indicator.Code, indicator.Name, indicator.Measure, indicator.Definition, None, null, null, reason);
            }

            var now = Total(indicator, filter.Period, current[indicator.Code], control: false);
            var before = Total(indicator, previousPeriod, previous[indicator.Code], control: false);
            var country = scotland is null ? null : Total(indicator, filter.Period, scotland[indicator.Code], control: true);
            return new DashboardFigure(indicator.Code, indicator.Name, indicator.Measure, indicator.Definition, now, before, country, null);
        }).ToList())).ToList();

        return new Dashboard(area, statistics.Describe(filter.Period), statistics.Describe(previousPeriod), compareWithScotland, themes,
            await IntersectAsync(filter.Intersection, crossed, filter.Period, ct), scotlandCountedAt);
    }

    /// <summary>Scotland's totals, kept for a while.</summary>
    private async Task<(IReadOnlyDictionary<string, IndicatorRow>?, DateTimeOffset?)> ScotlandAsync(
        ReportingPeriod period, IReadOnlyList<IndicatorDefinition> shown, CancellationToken ct)
    {
        var counted = await scotlandFigures.GetAsync(period, shown, () => totals.CountAsync(MeasurementScope.Scotland, period, shown, ct));
        return (counted.Totals, counted.CountedAt);
    }

    /// <summary>
    /// Each indicator's whole-area total: counted by the database where it can (no funding stream or target group
    /// chosen), otherwise by the engine over the facts the indicators need.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, IndicatorRow>> TotalsAsync(
        MeasurementScope scope, ReportingPeriod period, IReadOnlyList<IndicatorDefinition> indicators, CancellationToken ct)
    {
        if (IndicatorTotals.CanCount(scope))
        {
            return await totals.CountAsync(scope, period, indicators, ct);
        }

        var facts = await data.LoadAsync(scope, period, IndicatorEngine.Needs(indicators.Select(i => i.Code)), ct);
        return indicators.ToDictionary(i => i.Code, i => data.Compute(i, facts, period, []).Total, StringComparer.Ordinal);
    }

    /// <summary>
    /// Every LEP side by side for national users: each column protected across the LEPs, Scotland the total before
    /// suppression. A quarter, for everyone (<see cref="DashboardPageModel.Parse"/> refuses anything else).
    /// </summary>
    public async Task<NationalDashboard> NationalAsync(DashboardFilter filter, CancellationToken ct)
    {
        if (filter.IsFiltered || filter.Period.Kind != PeriodKind.Quarter)
        {
            throw new ArgumentException("Every LEP's figures are published by quarter, for everyone.", nameof(filter));
        }

        var leps = await joint.LepsAsync(ct);
        var scope = MeasurementScope.Scotland;
        var facts = await data.LoadAsync(scope, filter.Period, ct);
        var names = leps.ToDictionary(l => l.Id, l => l.Name);
        Breakdowns.Dimension lepDimension = new("lep", "LEP", false, (e, _) => [names.GetValueOrDefault(e.LepId, "Unknown")]);
        var unavailable = Unavailability(scope);

        var themes = Live.GroupBy(i => i.Theme).OrderBy(g => g.Key).Select(g =>
        {
            var columns = g.Select(i => new NationalColumn(i.Code, i.Name, i.Measure, unavailable(i))).ToList();
            // Counts as the indicator's shared patterns protect them (as in the national tables and cross-tabulations); a
            // rate's numerator and denominator, and a mean's number measured, likewise.
            var shaped = g.Select(i => unavailable(i) is not null ? null
                : i.Measure == Measure.Count ? ByLep(i, joint.Protect(i, facts, filter.Period, leps))
                : statistics.Shape(data.Compute(i, facts, filter.Period, ["lep"], [lepDimension]), joint.Protect(i, facts, filter.Period, leps),
                    i.Measure == Measure.Rate ? joint.Protect(i, facts, filter.Period, leps, CountedPart.Denominator) : null, "Scotland")).ToList();
            var rows = leps.Select(lep => new NationalRow(lep.Name, g.Select((indicator, c) => shaped[c] is { } values
                ? values.Rows.FirstOrDefault(r => r.Groups[0] == lep.Name) is { } found ? Value(indicator, found) : Value(indicator, Empty(indicator))
                : None).ToList())).ToList();
            var total = new NationalRow("Scotland", g.Select((indicator, c) => shaped[c] is { } values ? Value(indicator, values.Total) : None).ToList());
            return new NationalThemeTable(g.Key, columns, rows, total);
        }).ToList();

        return new NationalDashboard(statistics.Describe(filter.Period), themes, await IntersectAsync(filter.Intersection, facts, filter.Period, ct));

        IndicatorValues ByLep(IndicatorDefinition indicator, ProtectedIndicator figures) =>
            statistics.Shape(indicator, figures, "Scotland", filter.Period, []) with
            {
                Rows = figures.Leps.Select((lep, i) => new ValueRow([lep], figures.ByLep.Cells[i].Published, figures.ByLep.Cells[i].Display(), null, null, null, null)).ToList(),
            };
    }

    /// <summary>The two breakdowns crossed, always under disclosure control: small groups are where people could be recognised.</summary>
    public async Task<IntersectionTable> IntersectAsync(IntersectionRequest request, MeasurementFacts facts, ReportingPeriod period, CancellationToken ct)
    {
        var indicator = MeasurementData.Catalogue.Find(request.Indicator)!;
        var rows = Breakdowns.Find(request.Rows)!;
        var columns = Breakdowns.Find(request.Columns)!;
        // The cross-tabulation as every other table of the indicator over the same people shows its figures.
        var (rowGroups, columnGroups, table) = (await joint.ProtectAsync(indicator, facts, period, ct)).Crossed(request.Rows, request.Columns);
        var overlapping = rows.Overlapping || columns.Overlapping;
        var tableRows = rowGroups.Select((group, i) => new TableRow(
            group, columnGroups.Select((_, j) => Cell(table.Cell(i, j))).ToList(), Cell(table.RowTotal(i)))).ToList();
        var totals = overlapping || rowGroups.Count == 0
            ? null
            : new TableRow("Total", columnGroups.Select((_, j) => Cell(table.ColumnTotal(j))).ToList(), Cell(table.GrandTotal));
        return new IntersectionTable(indicator.Code, indicator.Name, rows.Name, columns.Name, columnGroups, tableRows, totals, overlapping);
    }

    private static TableCell Cell(ProtectedCount count) => new(count.Published, count.Display());

    /// <summary>
    /// Feedback is mostly anonymous and spend belongs to contracts, so neither can be narrowed to a caseload or a group of
    /// people; feedback has no funding stream either.
    /// </summary>
    private static Func<IndicatorDefinition, string?> Unavailability(MeasurementScope scope) => indicator => indicator.Code switch
    {
        "satisfaction" when scope.KeyWorkerId is not null => "Not shown for a caseload: most feedback is anonymous.",
        "satisfaction" when scope.TargetGroup is not null || scope.FundingStream is not null =>
            "Not shown with a funding stream or target group chosen: feedback does not record them.",
        "cost-per-start" or "cost-per-job-outcome" when scope.KeyWorkerId is not null => "Not shown for a caseload: spend is recorded per contract.",
        "cost-per-start" or "cost-per-job-outcome" when scope.TargetGroup is not null => "Not shown for a target group: spend is recorded per contract.",
        _ => null,
    };

    private static readonly DashboardValue None = new(null, "–");

    private static IndicatorRow Empty(IndicatorDefinition indicator) => new([], 0, indicator.Measure == Measure.Rate ? 0 : null, null);

    private DashboardValue Total(IndicatorDefinition indicator, ReportingPeriod period, IndicatorRow total, bool control) =>
        Value(indicator, statistics.Shape(new IndicatorResult(indicator, period, [], [], total), "", control).Total);

    private static DashboardValue Value(IndicatorDefinition indicator, IndicatorRow row) =>
        Value(indicator, new ValueRow(row.Groups, row.Count, row.Count.ToString("N0", CultureInfo.InvariantCulture), row.Denominator, null, null,
            indicator.Measure == Measure.Rate ? DisclosureControl.LowBase : "–"));

    /// <summary>Counts as counts; rates and means as their value; money as pounds.</summary>
    private static DashboardValue Value(IndicatorDefinition indicator, ValueRow row)
    {
        if (indicator.Measure == Measure.Count)
        {
            return new DashboardValue(row.Count, row.CountDisplay);
        }

        if (indicator.Code.StartsWith("cost-", StringComparison.Ordinal) && row.Value is { } money)
        {
            return new DashboardValue(money, money.ToString("£#,##0.00", English));
        }

        return new DashboardValue(row.Value, row.ValueDisplay ?? "–");
    }
}
