using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Nolb.Web.Data;
using Nolb.Web.Domain.Measurement;

namespace Nolb.Web.Features.Measurement;

/// <summary>
/// A count indicator's figures for one area and period in every table a user can reach, protected together: by LEP
/// (dashboards), by each breakdown (the statistics API), by LEP and each breakdown (the national tables and workbook, an
/// LEP's line for a national user, the equality gaps of an LEP) and
/// by every pair of breakdowns (cross-tabulations, either way round). Each figure has one status, so a count is shown
/// the same wherever it appears or hidden everywhere, and the attack that chooses secondary suppression reads all the
/// tables' sums at once (see <see cref="DisclosureControl.Protect(LinkedFigures, DisclosureRules?)"/>).
/// </summary>
public sealed class ProtectedIndicator(
    IReadOnlyList<string> leps, ProtectedList byLep, IReadOnlyDictionary<string, ProtectedIndicator.OneWayTable> oneWay,
    IReadOnlyDictionary<(string Rows, string Columns), ProtectedIndicator.TwoWayTable> twoWay)
{
    public sealed record OneWayTable(IReadOnlyList<string> Groups, ProtectedList Table);

    public sealed record TwoWayTable(IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, ProtectedTable Table);

    /// <summary>The LEPs in ordinal order of name, each with its count (zero included), and the area's total.</summary>
    public IReadOnlyList<string> Leps => leps;

    public ProtectedList ByLep => byLep;

    public OneWayTable OneWay(string breakdown) => oneWay[breakdown];

    /// <summary>
    /// The count of one group as the pattern protects it: <paramref name="breakdown"/> as the engine takes it ("lep" for
    /// each LEP; none for the area's total), <paramref name="groups"/> one per breakdown. A group the tables do not hold
    /// is withheld: a figure is never shown that the pattern did not protect.
    /// </summary>
    public ProtectedCount At(IReadOnlyList<string> breakdown, IReadOnlyList<string> groups)
    {
        switch (breakdown.Count)
        {
            case 0:
                return byLep.Total;
            case 1 when breakdown[0] == "lep":
                return IndexOf(leps, groups[0]) is var lep and >= 0 ? byLep.Cells[lep] : Unknown;
            case 1:
                var one = OneWay(breakdown[0]);
                return IndexOf(one.Groups, groups[0]) is var group and >= 0 ? one.Table.Cells[group] : Unknown;
            default:
                var two = Crossed(breakdown[0], breakdown[1]);
                var (row, column) = (IndexOf(two.Rows, groups[0]), IndexOf(two.Columns, groups[1]));
                return row >= 0 && column >= 0 ? two.Table.Cell(row, column) : Unknown;
        }
    }

    /// <summary>The total shown under a breakdown: the area's, or (where people can be in several groups) the count of people in any.</summary>
    public ProtectedCount TotalOf(IReadOnlyList<string> breakdown) =>
        breakdown.FirstOrDefault(b => Breakdowns.Find(b)?.Overlapping == true) is { } overlapping ? OneWay(overlapping).Table.Total : byLep.Total;

    private static readonly ProtectedCount Unknown = new(0, CellSuppression.Withheld);

    internal static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Two breakdowns crossed, the first down the side ("lep" for the national tables); either order.</summary>
    public TwoWayTable Crossed(string rows, string columns)
    {
        if (twoWay.TryGetValue((rows, columns), out var table))
        {
            return table;
        }

        var flipped = twoWay[(columns, rows)];
        var grid = new ProtectedCount[flipped.Columns.Count + 1, flipped.Rows.Count + 1];
        for (var r = 0; r <= flipped.Columns.Count; r++)
        {
            for (var c = 0; c <= flipped.Rows.Count; c++)
            {
                grid[r, c] = flipped.Table.Cell(c, r);
            }
        }

        return new TwoWayTable(flipped.Columns, flipped.Rows, new ProtectedTable(grid, flipped.Columns.Count, flipped.Rows.Count));
    }
}

/// <summary>What of an indicator's figures is counted and protected.</summary>
public enum CountedPart
{
    /// <summary>A count, a rate's numerator, or the number of things a mean is taken over.</summary>
    Count,

    /// <summary>A rate's denominator.</summary>
    Denominator,
}

/// <summary>
/// Builds <see cref="ProtectedIndicator"/>s. The suppression pattern is a pure function of the figures and their sums, so
/// it is kept in the app's memory cache, keyed by a hash of them, and worked out again only when a figure changes.
/// </summary>
public sealed class JointDisclosure(MeasurementData data, ReportingDbContextFactory reporting, IMemoryCache cache)
{
    // Patterns of figures nobody has asked for in a while (an old quarter, data since changed) leave the cache.
    private static readonly TimeSpan KeptUnused = TimeSpan.FromHours(1);

    /// <summary>The LEPs, in the ordinal order of their names that every table uses.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> LepsAsync(CancellationToken ct)
    {
        await using var db = reporting.Create();
        return (await db.Leps.Select(l => new { l.Id, l.Name }).ToListAsync(ct)).Select(l => (l.Id, l.Name)).OrderBy(l => l.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Rates whose denominator counts exactly what a count indicator counts (the same units, see the indicator engine):
    /// the denominator is that count, protected once, or the two could show one figure two ways.
    /// </summary>
    private static readonly Dictionary<string, string> DenominatorCounts = new(StringComparer.Ordinal)
    {
        ["stage-progressions"] = "supported",
        ["referrals-accepted"] = "referrals-made",
    };

    /// <summary>The count indicator a rate's denominator is, or null when it counts something of its own.</summary>
    public static string? DenominatorCountOf(string rate) => DenominatorCounts.GetValueOrDefault(rate);

    public async Task<ProtectedIndicator> ProtectAsync(
        IndicatorDefinition indicator, MeasurementFacts facts, ReportingPeriod period, CancellationToken ct, CountedPart part = CountedPart.Count) =>
        Protect(indicator, facts, period, await LepsAsync(ct), part);

    /// <summary>
    /// One part of an indicator protected in every table that shows it: a count, a mean's number of things measured, a
    /// rate's numerator, or (<see cref="CountedPart.Denominator"/>) a rate's denominator.
    /// </summary>
    public ProtectedIndicator Protect(
        IndicatorDefinition indicator, MeasurementFacts facts, ReportingPeriod period, IReadOnlyList<(Guid Id, string Name)> leps, CountedPart part = CountedPart.Count)
    {
        if (part == CountedPart.Denominator && indicator.Measure != Measure.Rate)
        {
            throw new ArgumentException($"{indicator.Code} is not a rate.", nameof(indicator));
        }

        if (part == CountedPart.Denominator && DenominatorCounts.TryGetValue(indicator.Code, out var count))
        {
            return Protect(MeasurementData.Catalogue.Find(count)!, facts, period, leps);
        }

        int Of(IndicatorRow row) => part == CountedPart.Count ? row.Count : row.Denominator ?? 0;

        var names = leps.ToDictionary(l => l.Id, l => l.Name);
        Breakdowns.Dimension lepDimension = new("lep", "LEP", false, (e, _) => [names.GetValueOrDefault(e.LepId, "Unknown")]);
        var lepNames = leps.Select(l => l.Name).ToList();
        var dimensions = indicator.Breakdowns.Order(StringComparer.Ordinal).ToList();
        // Every LEP by every breakdown: the national tables publish some, and a national user may ask for any one LEP by any.
        var byLep = dimensions;
        var pairs = dimensions.SelectMany((a, i) => dimensions.Skip(i + 1).Select(b => (Rows: a, Columns: b))).ToList();
        IReadOnlyList<IReadOnlyList<string>> asked = [["lep"], .. dimensions.Select(d => (IReadOnlyList<string>)[d]), .. byLep.Select(c => (IReadOnlyList<string>)["lep", c]),
            .. pairs.Select(p => (IReadOnlyList<string>)[p.Rows, p.Columns])];
        var results = data.ComputeAll(indicator, facts, period, asked, [lepDimension]);

        var figures = new LinkedFigures();
        const string Grand = "";
        static bool Overlapping(string code) => Breakdowns.Find(code)?.Overlapping == true;

        // By LEP: every LEP, zeros too, adding up to the area's total, which is never hidden.
        var lepCounts = lepNames.Select(l => results[0].Rows.FirstOrDefault(r => r.Groups[0] == l) is { } row ? Of(row) : 0).ToList();
        var lepTable = OneWay(lepNames.Select(l => $"lep={l}").ToList(), lepCounts, lepCounts.Sum(), adds: true);

        var oneWay = new Dictionary<string, (IReadOnlyList<string> Groups, string[] Names)>(StringComparer.Ordinal);
        for (var d = 0; d < dimensions.Count; d++)
        {
            var result = results[1 + d];
            var groups = result.Rows.Select(r => r.Groups[0]).ToList();
            var overlapping = Overlapping(dimensions[d]);
            // As the statistics API shows it: overlapping groups under the count of people, others under their sum.
            oneWay[dimensions[d]] = (groups, OneWay(groups.Select(g => $"{dimensions[d]}={g}").ToList(), result.Rows.Select(Of).ToList(),
                overlapping ? Of(result.Total) : result.Rows.Sum(Of), adds: !overlapping));
        }

        var twoWay = new Dictionary<(string, string), (IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, string[,] Names, int[,] Values)>();
        for (var t = 0; t < byLep.Count + pairs.Count; t++)
        {
            var (rows, columns) = t < byLep.Count ? ("lep", byLep[t]) : pairs[t - byLep.Count];
            var result = results[1 + dimensions.Count + t];
            var rowGroups = rows == "lep" ? lepNames : result.Rows.Select(r => r.Groups[0]).Distinct().Order(StringComparer.Ordinal).ToList();
            var columnGroups = result.Rows.Select(r => r.Groups[1]).Distinct().Order(StringComparer.Ordinal).ToList();
            var (cells, values) = TwoWay(rows, columns, rowGroups, columnGroups, result, Of);
            twoWay[(rows, columns)] = (rowGroups, columnGroups, cells, values);
        }

        var pattern = cache.GetOrCreate("disclosure-pattern:" + Key(figures), entry =>
        {
            entry.SlidingExpiration = KeptUnused;
            return DisclosureControl.Protect(figures);
        })!;

        ProtectedList List(string[] cells) => new(cells[..^1].Select(c => pattern[c]).ToList(), pattern[cells[^1]]);
        return new ProtectedIndicator(lepNames, List(lepTable),
            oneWay.ToDictionary(o => o.Key, o => new ProtectedIndicator.OneWayTable(o.Value.Groups, List(o.Value.Names)), StringComparer.Ordinal),
            twoWay.ToDictionary(t => t.Key, t =>
            {
                var (rowGroups, columnGroups, cells, _) = t.Value;
                var grid = new ProtectedCount[rowGroups.Count + 1, columnGroups.Count + 1];
                for (var r = 0; r <= rowGroups.Count; r++)
                {
                    for (var c = 0; c <= columnGroups.Count; c++)
                    {
                        grid[r, c] = cells[r, c] is { } name ? pattern[name] : new ProtectedCount(t.Value.Values[r, c], CellSuppression.Secondary);
                    }
                }

                return new ProtectedIndicator.TwoWayTable(rowGroups, columnGroups, new ProtectedTable(grid, rowGroups.Count, columnGroups.Count));
            }));

        string[] OneWay(IReadOnlyList<string> cells, IReadOnlyList<int> counts, int total, bool adds)
        {
            var named = cells.Select((c, i) => figures.Figure(c, counts[i], rank: 1)).Append(figures.Figure(Grand, total, rank: 2, neverHide: true)).ToArray();
            if (adds)
            {
                figures.Adds(named[..^1], named[^1]);
            }

            return named;
        }

        (string[,], int[,]) TwoWay(string rows, string columns, IReadOnlyList<string> rowGroups, IReadOnlyList<string> columnGroups, IndicatorResult result, Func<IndicatorRow, int> of)
        {
            int height = rowGroups.Count, width = columnGroups.Count;
            var values = new int[height + 1, width + 1];
            foreach (var row in result.Rows)
            {
                var (r, c) = (ProtectedIndicator.IndexOf(rowGroups, row.Groups[0]), ProtectedIndicator.IndexOf(columnGroups, row.Groups[1]));
                if (r >= 0 && c >= 0)
                {
                    values[r, c] = of(row);
                    values[r, width] += of(row);
                    values[height, c] += of(row);
                    values[height, width] += of(row);
                }
            }

            // A row's total is the count of its group only when each person is in one column (and likewise for columns);
            // otherwise it is a figure of this table alone. The grand total of overlapping groups is not shown at all.
            var cells = new string[height + 1, width + 1];
            for (var r = 0; r < height; r++)
            {
                for (var c = 0; c < width; c++)
                {
                    cells[r, c] = figures.Figure($"{rows}={rowGroups[r]}|{columns}={columnGroups[c]}", values[r, c], rank: 0);
                }

                cells[r, width] = figures.Figure(Overlapping(columns) ? $"{rows}={rowGroups[r]}|{columns}=*" : $"{rows}={rowGroups[r]}", values[r, width], rank: 1);
                figures.Adds(Enumerable.Range(0, width).Select(c => cells[r, c]), cells[r, width]);
            }

            for (var c = 0; c < width; c++)
            {
                cells[height, c] = figures.Figure(Overlapping(rows) ? $"{rows}=*|{columns}={columnGroups[c]}" : $"{columns}={columnGroups[c]}", values[height, c], rank: 1);
                figures.Adds(Enumerable.Range(0, height).Select(r => cells[r, c]), cells[height, c]);
            }

            if (!Overlapping(rows) && !Overlapping(columns))
            {
                cells[height, width] = figures.Figure(Grand, values[height, width], rank: 2, neverHide: true);
                figures.Adds(Enumerable.Range(0, height).Select(r => cells[r, width]), cells[height, width]);
                figures.Adds(Enumerable.Range(0, width).Select(c => cells[height, c]), cells[height, width]);
            }

            return (cells, values);
        }
    }

    /// <summary>Everything the pattern depends on, hashed: the figures, their ranks and the sums that tie them.</summary>
    private static string Key(LinkedFigures figures)
    {
        var text = new StringBuilder();
        for (var i = 0; i < figures.Names.Count; i++)
        {
            text.Append(figures.Names[i]).Append('=').Append(figures.Values[i]).Append(';').Append(figures.Ranks[i]).Append(figures.NeverHidden[i] ? '!' : ' ').Append('\n');
        }

        foreach (var (parts, total) in figures.Lines)
        {
            text.Append(string.Join(',', parts)).Append('>').Append(total).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
