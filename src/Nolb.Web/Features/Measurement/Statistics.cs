using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Measurement;

public sealed record PeriodDto(string Label, string Description, DateOnly From, DateOnly To, bool Provisional);

/// <summary>
/// One figure as shown: the count (null where suppressed) and how it is displayed; for rates the denominator and
/// percentage, for means the mean. Under disclosure control a suppressed count shows <c>[c]</c>.
/// </summary>
public sealed record ValueRow(
    IReadOnlyList<string> Groups, int? Count, string CountDisplay, int? Denominator, string? DenominatorDisplay, decimal? Value, string? ValueDisplay);

public sealed record IndicatorValues(
    string Indicator, string Name, Theme Theme, Measure Measure, string Area, PeriodDto Period, IReadOnlyList<string> Breakdown,
    bool DisclosureControlled, IReadOnlyList<ValueRow> Rows, ValueRow Total);

public sealed record TableCell(int? Value, string Display)
{
    /// <summary>
    /// The true count, kept only while the figures are being worked out (publishing decides revisions with it); never
    /// serialised, so it is in no answer and no stored snapshot.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int? Actual { get; init; }
}

public sealed record TableRow(string Label, IReadOnlyList<TableCell> Cells, TableCell Total, string? Percentage = null);

/// <summary>A published table: LEPs down the side, groups across, totals from the true counts, after disclosure control.</summary>
public sealed record NationalTable(
    string Title, string Indicator, string ColumnHeading, IReadOnlyList<string> Columns, IReadOnlyList<TableRow> Rows, TableRow Scotland);

public sealed record NationalStatistics(PeriodDto Period, string DisclosureRule, IReadOnlyList<NationalTable> Tables);

/// <summary>
/// The figures the dashboards and the statistics API show, with disclosure control applied wherever the viewer
/// is a national user, the area is Scotland, or a table is broken down two ways.
/// </summary>
public sealed class Statistics(MeasurementData data, JointDisclosure joint, ReportingDbContextFactory reporting, CurrentUser user, TimeProvider clock)
{
    public const string ScotlandCode = "S92000003";

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public PeriodDto Describe(ReportingPeriod period) => new(period.Label, period.Describe(), period.From, period.To, period.IsProvisionalOn(Today));

    /// <summary>
    /// The area a user asked for: their own LEP when they name none (national users: Scotland); Scotland by its GSS
    /// code; another LEP only for national users. Null when the LEP does not exist or is not the user's (404).
    /// </summary>
    public async Task<(Guid? LepId, string Name)?> AreaAsync(string? lepCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(lepCode))
        {
            return user.SeesAllLeps() ? (null, "Scotland") : (user.LepId, user.LepName ?? "Your LEP");
        }

        if (string.Equals(lepCode.Trim(), ScotlandCode, StringComparison.OrdinalIgnoreCase))
        {
            return (null, "Scotland");
        }

        var code = Domain.CouncilAreaCodes.Normalise(lepCode.Trim());
        await using var db = reporting.Create();
        var lep = await db.Leps.Where(l => l.Code == code).Select(l => new { l.Id, l.Name }).SingleOrDefaultAsync(ct);
        if (lep is null || (!user.SeesAllLeps() && lep.Id != user.LepId))
        {
            return null;
        }

        return (lep.Id, lep.Name);
    }

    /// <summary>The user's own LEP, whose records they may read anyway: its figures are theirs in full, for any period.</summary>
    public bool IsOwnLep(Guid? lepId) => lepId is not null && lepId == user.LepId;

    public bool MustControl(Guid? lepId, IReadOnlyList<string> breakdown) =>
        user.SeesAllLeps() || lepId is null || breakdown.Count > 1;

    /// <summary>
    /// Why figures of an area that is not the user's own cannot be given as asked, or null when they can. Disclosure
    /// control protects one quarter's tables together (<see cref="JointDisclosure"/>): Scotland by any one or two
    /// breakdowns, and every LEP alone or by any one breakdown of a count (a rate or mean: alone). Anything else could
    /// be differenced against those: a financial year is the sum of its quarters and a date range the sum of its days,
    /// so a year's figure beside three quarters' gives the fourth, hidden or not; an LEP crossed two ways is a table no
    /// other figure is protected with. Scotland as a whole is never hidden, so any period may be asked for it.
    /// </summary>
    public (string Field, string Message)? OutsidePublishedTables(IndicatorDefinition indicator, Guid? lepId, ReportingPeriod period, IReadOnlyList<string> breakdown)
    {
        if (IsOwnLep(lepId))
        {
            return null;
        }

        if (period.Kind != PeriodKind.Quarter && (lepId is not null || breakdown.Count > 0))
        {
            return ("quarter", lepId is null
                ? "Scotland's figures broken down are published by quarter: give quarter=2025-Q3, or ask for a financial year or dates without a breakdown"
                : "Another LEP's figures are published by quarter: give quarter=2025-Q3");
        }

        if (lepId is not null && (breakdown.Count > 1 || (breakdown.Count == 1 && indicator.Measure != Measure.Count)))
        {
            return ("breakdown", indicator.Measure == Measure.Count
                ? $"Another LEP's {indicator.Name.ToLowerInvariant()} is published by one breakdown at a time: ask for one, or for Scotland (lep={ScotlandCode}) crossed two ways"
                : $"Another LEP's {indicator.Name.ToLowerInvariant()} is published for the LEP as a whole: ask without a breakdown, or for Scotland (lep={ScotlandCode}) broken down");
        }

        return null;
    }

    public async Task<IndicatorValues> ValuesAsync(
        IndicatorDefinition indicator, MeasurementScope scope, string area, ReportingPeriod period, IReadOnlyList<string> breakdown, bool control, CancellationToken ct)
    {
        if (control && period.Kind == PeriodKind.Quarter && scope is { LepId: not null, KeyWorkerId: null, FundingStream: null, TargetGroup: null }
            && (breakdown.Count == 0 || (breakdown.Count == 1 && indicator.Measure == Measure.Count)))
        {
            // A national user's view of one LEP is a line of the by-LEP tables (the national tables among them), so it comes
            // from the pattern they share: protected on its own it could show a count those tables hide.
            var scotland = await data.LoadAsync(MeasurementScope.Scotland, period, IndicatorEngine.Needs(indicator.Code), ct);
            if (indicator.Measure == Measure.Count)
            {
                if (LepLine(indicator, await joint.ProtectAsync(indicator, scotland, period, ct), area, period, breakdown) is { } line)
                {
                    return line;
                }
            }
            else
            {
                var lep = data.Compute(indicator, await data.LoadAsync(scope, period, IndicatorEngine.Needs(indicator.Code), ct), period, []);
                return await ShapeAsync(lep, scotland, area, ct, lepLine: area);
            }
        }

        var facts = await data.LoadAsync(scope, period, IndicatorEngine.Needs(indicator.Code), ct);
        if (control && period.Kind == PeriodKind.Quarter && scope.LepId is null && scope.KeyWorkerId is null && breakdown.Count <= 2)
        {
            // Scotland's figures come from the one pattern every table of the indicator shares.
            return indicator.Measure == Measure.Count
                ? Shape(indicator, await joint.ProtectAsync(indicator, facts, period, ct), area, period, breakdown)
                : await ShapeAsync(data.Compute(indicator, facts, period, breakdown), facts, area, ct);
        }

        return Shape(data.Compute(indicator, facts, period, breakdown), area, control);
    }

    /// <summary>
    /// A rate or mean of Scotland (or, with <paramref name="lepLine"/>, of that LEP as a line of the by-LEP tables), its
    /// counts as the shared patterns protect them: a rate's numerator and denominator, a mean's number measured.
    /// </summary>
    private async Task<IndicatorValues> ShapeAsync(IndicatorResult result, MeasurementFacts scotland, string area, CancellationToken ct, string? lepLine = null)
    {
        var indicator = result.Indicator;
        var counts = await joint.ProtectAsync(indicator, scotland, result.Period, ct);
        var denominators = indicator.Measure == Measure.Rate ? await joint.ProtectAsync(indicator, scotland, result.Period, ct, CountedPart.Denominator) : null;
        return Shape(result, counts, denominators, area, lepLine);
    }

    /// <summary>A rate or mean broken down as <paramref name="result"/> is, every count from the shared patterns.</summary>
    public IndicatorValues Shape(IndicatorResult result, ProtectedIndicator counts, ProtectedIndicator? denominators, string area, string? lepLine = null)
    {
        IReadOnlyList<string> breakdown = lepLine is null ? result.Breakdown : ["lep", .. result.Breakdown];
        IReadOnlyList<string> Groups(IndicatorRow row) => lepLine is null ? row.Groups : [lepLine, .. row.Groups];
        var overall = lepLine is null ? counts.TotalOf(breakdown) : counts.At(["lep"], [lepLine]);
        var overallDenominator = denominators is null ? default : lepLine is null ? denominators.TotalOf(breakdown) : denominators.At(["lep"], [lepLine]);
        var rows = result.Rows.Select(r => Controlled(result.Indicator.Measure, r, counts.At(breakdown, Groups(r)), denominators?.At(breakdown, Groups(r)) ?? default)).ToList();
        return new IndicatorValues(result.Indicator.Code, result.Indicator.Name, result.Indicator.Theme, result.Indicator.Measure, area, Describe(result.Period),
            result.Breakdown, true, rows, Controlled(result.Indicator.Measure, result.Total, overall, overallDenominator));
    }

    /// <summary>One LEP's count, alone or by a breakdown, as the indicator's shared pattern protects it.</summary>
    private IndicatorValues? LepLine(IndicatorDefinition indicator, ProtectedIndicator figures, string lep, ReportingPeriod period, IReadOnlyList<string> breakdown)
    {
        var index = figures.Leps.ToList().IndexOf(lep);
        if (index < 0)
        {
            return null;
        }

        var rows = new List<ValueRow>();
        if (breakdown.Count == 1)
        {
            var crossed = figures.Crossed("lep", breakdown[0]);
            var row = crossed.Rows.ToList().IndexOf(lep);
            // The total stays the LEP's count of everyone (the same figure as the row's total, unless people can be in
            // several of the groups, when that row total counts the people in any of them and is not shown).
            rows.AddRange(crossed.Columns.Select((c, j) => Row([c], crossed.Table.Cell(row, j))));
        }

        return new IndicatorValues(indicator.Code, indicator.Name, indicator.Theme, indicator.Measure, lep, Describe(period), breakdown, true, rows,
            Row([], figures.ByLep.Cells[index]));
    }

    private static ValueRow Row(IReadOnlyList<string> groups, ProtectedCount count) => new(groups, count.Published, count.Display(), null, null, null, null);

    /// <summary>A count broken down no, one or two ways, as the indicator's shared pattern protects it.</summary>
    public IndicatorValues Shape(IndicatorDefinition indicator, ProtectedIndicator figures, string area, ReportingPeriod period, IReadOnlyList<string> breakdown)
    {
        var rows = new List<ValueRow>();
        ProtectedCount total;
        if (breakdown.Count == 0)
        {
            total = figures.ByLep.Total;
        }
        else if (breakdown.Count == 1)
        {
            var table = figures.OneWay(breakdown[0]);
            rows.AddRange(table.Groups.Select((g, i) => Row([g], table.Table.Cells[i])));
            total = table.Table.Total;
        }
        else
        {
            var crossed = figures.Crossed(breakdown[0], breakdown[1]);
            for (var r = 0; r < crossed.Rows.Count; r++)
            {
                rows.AddRange(crossed.Columns.Select((c, j) => Row([crossed.Rows[r], c], crossed.Table.Cell(r, j))));
            }

            var overlapping = breakdown.FirstOrDefault(b => Breakdowns.Find(b)?.Overlapping == true);
            total = overlapping is null ? crossed.Table.GrandTotal : figures.OneWay(overlapping).Table.Total;
        }

        return new IndicatorValues(indicator.Code, indicator.Name, indicator.Theme, indicator.Measure, area, Describe(period), breakdown, true, rows, Row([], total));
    }

    public IndicatorValues Shape(IndicatorResult result, string area, bool control)
    {
        var indicator = result.Indicator;
        var overlapping = result.Breakdown.Any(b => Breakdowns.Find(b)?.Overlapping == true);
        List<ValueRow> rows;
        ValueRow total;
        if (!control)
        {
            rows = result.Rows.Select(r => Raw(indicator.Measure, r)).ToList();
            total = Raw(indicator.Measure, result.Total);
        }
        else if (result.Breakdown.Count == 2 && indicator.Measure == Measure.Count)
        {
            (rows, total) = ProtectTwoWay(result);
        }
        else
        {
            var counts = DisclosureControl.Protect(result.Rows.Select(r => r.Count).ToList());
            var denominators = DisclosureControl.Protect(result.Rows.Select(r => r.Denominator ?? 0).ToList());
            rows = result.Rows.Select((r, i) => Controlled(indicator.Measure, r, counts.Cells[i], denominators.Cells[i])).ToList();
            var totalCount = overlapping || result.Breakdown.Count == 0 ? Primary(result.Total.Count) : counts.Total;
            var totalDenominator = overlapping || result.Breakdown.Count == 0 ? Primary(result.Total.Denominator ?? 0) : denominators.Total;
            total = Controlled(indicator.Measure, result.Total, totalCount, totalDenominator);
        }

        return new IndicatorValues(indicator.Code, indicator.Name, indicator.Theme, indicator.Measure, area, Describe(result.Period), result.Breakdown, control, rows, total);
    }

    private static ProtectedCount Primary(int value) =>
        new(value, DisclosureControl.IsSmall(value) ? CellSuppression.Primary : CellSuppression.None);

    private static (List<ValueRow>, ValueRow) ProtectTwoWay(IndicatorResult result)
    {
        var first = result.Rows.Select(r => r.Groups[0]).Distinct().Order(StringComparer.Ordinal).ToList();
        var second = result.Rows.Select(r => r.Groups[1]).Distinct().Order(StringComparer.Ordinal).ToList();
        var counts = new int[first.Count, second.Count];
        foreach (var row in result.Rows)
        {
            counts[first.IndexOf(row.Groups[0]), second.IndexOf(row.Groups[1])] = row.Count;
        }

        var table = ProtectedTable.Canonical(counts, string.CompareOrdinal(result.Breakdown[0], result.Breakdown[1]) > 0);
        var rows = new List<ValueRow>();
        for (var i = 0; i < first.Count; i++)
        {
            for (var j = 0; j < second.Count; j++)
            {
                var cell = table.Cell(i, j);
                rows.Add(new ValueRow([first[i], second[j]], cell.Published, cell.Display(), null, null, null, null));
            }
        }

        var overlapping = result.Breakdown.Any(b => Breakdowns.Find(b)?.Overlapping == true);
        var grand = overlapping ? Primary(result.Total.Count) : table.GrandTotal;
        return (rows, new ValueRow([], grand.Published, grand.Display(), null, null, null, null));
    }

    private static ValueRow Raw(Measure measure, IndicatorRow r) => measure switch
    {
        Measure.Rate => new ValueRow(r.Groups, r.Count, Number(r.Count), r.Denominator, Number(r.Denominator ?? 0), r.Value,
            r.Value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–"),
        Measure.Mean => new ValueRow(r.Groups, r.Count, Number(r.Count), null, null, r.Value,
            r.Value is { } m ? m.ToString("0.00", CultureInfo.InvariantCulture) : "–"),
        _ => new ValueRow(r.Groups, r.Count, Number(r.Count), null, null, null, null),
    };

    private static ValueRow Controlled(Measure measure, IndicatorRow r, ProtectedCount count, ProtectedCount denominator) => measure switch
    {
        Measure.Rate => new ValueRow(r.Groups, count.Published, count.Display(), denominator.Published, denominator.Display(),
            DisclosureControl.PercentageValue(count, denominator), DisclosureControl.Percentage(count, denominator)),
        Measure.Mean => new ValueRow(r.Groups, count.Published, count.Display(), null, null, count.IsSuppressed ? null : r.Value,
            count.IsSuppressed ? DisclosureControl.Suppressed : r.Value is { } m ? m.ToString("0.00", CultureInfo.InvariantCulture) : "–"),
        _ => new ValueRow(r.Groups, count.Published, count.Display(), null, null, null, null),
    };

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The national tables for a period: every LEP side by side, disclosure-controlled.</summary>
    public async Task<NationalStatistics> NationalAsync(ReportingPeriod period, CancellationToken ct)
    {
        List<(Guid Id, string Name)> leps;
        await using (var db = reporting.Create())
        {
            // In the order the engine gives an LEP breakdown (ordinal), so that a table's LEP totals are protected exactly as
            // the dashboard's one-way LEP figures are: the same counts in the same order hide the same cells.
            leps = (await db.Leps.Select(l => new { l.Id, l.Name }).ToListAsync(ct)).Select(l => (l.Id, l.Name)).OrderBy(l => l.Name, StringComparer.Ordinal).ToList();
        }

        var facts = await data.LoadAsync(MeasurementScope.Scotland, period, IndicatorEngine.Needs(NationalTables.Select(t => t.Indicator)), ct);
        var protectedIndicators = new Dictionary<string, ProtectedIndicator>(StringComparer.Ordinal);
        ProtectedIndicator Joint(string code) => protectedIndicators.TryGetValue(code, out var found) ? found
            : protectedIndicators[code] = joint.Protect(MeasurementData.Catalogue.Find(code)!, facts, period, leps);
        var tables = NationalTables
            .Select(t => t.Columns is { } column ? CountTable(t.Title, t.Indicator, column) : RateTable(t.Title, t.Indicator))
            .ToList();
        return new NationalStatistics(Describe(period),
            "Counts of 1 to 4 are shown as [c]; further counts are hidden until no hidden count can be narrowed to fewer than 4 possible values by arithmetic on every figure Nolb shows for the same count "
            + "(these tables, the dashboards, every breakdown and cross-tabulation: rows, columns, totals, zeros), each figure shown or hidden alike wherever it appears; "
            + "zero stays zero; totals are computed before suppression and Scotland's total is always shown, and where hiding cannot protect a line that adds up to it, the line's counts are withheld as [x], which may be 0; percentages are not shown where the denominator is under 20 ([low]); "
            + "a republished figure is revised only when it has changed by 5 or more.",
            tables);

        NationalTable CountTable(string title, string code, string column)
        {
            var (_, columns, table) = Joint(code).Crossed("lep", column);
            var rows = leps.Select((l, i) => new TableRow(
                l.Name, columns.Select((_, j) => Cell(table.Cell(i, j))).ToList(), Cell(table.RowTotal(i)))).ToList();
            var scotland = new TableRow("Scotland", columns.Select((_, j) => Cell(table.ColumnTotal(j))).ToList(), Cell(table.GrandTotal));
            return new NationalTable(title, code, Breakdowns.Find(column)?.Name ?? ColumnName(column), columns, rows, scotland);
        }

        NationalTable RateTable(string title, string code)
        {
            // The numerator and denominator by LEP as every other table of the rate shows them.
            var indicator = MeasurementData.Catalogue.Find(code)!;
            var n = Joint(code).ByLep;
            var d = joint.Protect(indicator, facts, period, leps, CountedPart.Denominator).ByLep;
            var rows = leps.Select((l, i) => new TableRow(
                l.Name, [Cell(n.Cells[i]), Cell(d.Cells[i])], Cell(d.Cells[i]), DisclosureControl.Percentage(n.Cells[i], d.Cells[i]))).ToList();
            var scotland = new TableRow("Scotland", [Cell(n.Total), Cell(d.Total)], Cell(d.Total), DisclosureControl.Percentage(n.Total, d.Total));
            return new NationalTable(title, code, "Figure", [indicator.Numerator, indicator.Denominator ?? "Denominator"], rows, scotland);
        }
    }

    /// <summary>The breakdowns a count is published by LEP in the national tables.</summary>
    public static IReadOnlyList<string> NationalColumns(string indicator) =>
        NationalTables.Where(t => t.Indicator == indicator && t.Columns is not null).Select(t => t.Columns!).ToList();

    /// <summary>The published tables: a count by LEP and a breakdown, or (no breakdown) a rate by LEP.</summary>
    private static readonly IReadOnlyList<(string Title, string Indicator, string? Columns)> NationalTables =
    [
        ("Participants supported by LEP and sex", "supported", "sex"),
        ("Starts by LEP and sex", "starts", "sex"),
        ("Starts by LEP and age band", "starts", "age-band"),
        ("Starts by LEP and disability", "starts", "disability"),
        ("Job entries by LEP and sex", "job-entries", "sex"),
        ("Education, training and volunteering entries by LEP", "education-training-volunteering", "outcome-kind"),
        ("Leavers by LEP and reason", "leavers", "leaving-reason"),
        ("Job entries paid the Real Living Wage by LEP", "job-entries-real-living-wage", null),
        ("Sustained in work at 3 months by LEP", "sustained-3-months", null),
        ("Sustained in work at 12 months by LEP", "sustained-12-months", null),
    ];

    private static TableCell Cell(ProtectedCount count) => new(count.Published, count.Display()) { Actual = count.Value };

    private static string ColumnName(string code) => code switch
    {
        "outcome-kind" => "Kind",
        "leaving-reason" => "Reason for leaving",
        _ => code,
    };
}
