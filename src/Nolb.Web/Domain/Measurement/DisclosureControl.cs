using System.Globalization;

namespace Nolb.Web.Domain.Measurement;

/// <summary>
/// Statistical disclosure control for every table a national analyst sees or that is exported for
/// publication. Pure: the rules are tested without a web host, and /Measurement/DisclosureControl explains
/// them to users. The attacker it protects against knows every published figure, that every row, column and
/// grand total is the exact sum of its cells, that a zero is a true zero and so that a hidden count is at least 1
/// (GSS "Statistical disclosure control for tables produced from administrative data sources": differencing and
/// secondary disclosure from totals).
/// <list type="number">
/// <item>Totals are worked out from the true counts before anything is suppressed.</item>
/// <item>Primary suppression: a count from 1 to <see cref="DisclosureRules.MinimumCount"/> − 1 (1–4 by
/// default) is shown as <c>[c]</c>, totals included. Zero stays zero.</item>
/// <item>Secondary suppression is chosen by attacking the table: every hidden count gets the range the published
/// figures allow (interval propagation over every row, column and total equation until nothing narrows), and while
/// any hidden count's range is narrower than the protection interval (<see cref="DisclosureRules.ProtectionWidth"/>:
/// at least 4 possible values, as wide as the "1 to 4" the symbol itself stands for), the smallest non-zero count
/// shown on one of its lines is hidden too, cells before totals.</item>
/// <item>A two-way table's totals are each a one-way table of their own (an LEP's starts, Scotland's starts by sex),
/// shown on dashboards and in other tables too; so they are protected first, as one-way tables, and the two-way table
/// keeps them exactly as shown there and hides cells inside it. The same figure is then hidden or shown alike
/// wherever it appears, and no table narrows a hidden total that another leaves wide.</item>
/// <item>A percentage is not shown (<c>[low]</c>) when its denominator is under
/// <see cref="DisclosureRules.MinimumDenominator"/> (20 by default), or when its numerator or denominator is suppressed.</item>
/// </list>
/// </summary>
public static class DisclosureControl
{
    public const string Suppressed = "[c]";
    public const string LowBase = "[low]";

    /// <summary>Not published: may be any count, zero included (GSS symbol for "not available").</summary>
    public const string Withheld = "[x]";

    /// <summary>A one-way table: categories and their total (the total is the sum of the counts).</summary>
    public static ProtectedList Protect(IReadOnlyList<int> counts, DisclosureRules? rules = null)
    {
        rules ??= DisclosureRules.Default;
        var total = counts.Count;
        var values = counts.Append(counts.Sum()).ToArray();
        var system = new Equations(values, [(Enumerable.Range(0, counts.Count).ToArray(), total)], [.. counts.Select(_ => 0), 1]);
        var status = system.Protect(new bool[values.Length], Primary(values, rules), rules);
        return new ProtectedList(counts.Select((c, i) => new ProtectedCount(c, status[i])).ToList(), new ProtectedCount(values[total], status[total]));
    }

    /// <summary>
    /// A two-way table (rows × columns) with row totals, column totals and the grand total, all computed
    /// from the true counts before suppression. The totals are protected as the one-way tables they are elsewhere
    /// (<see cref="Protect(IReadOnlyList{int}, DisclosureRules?)"/>) and kept so; cells inside are hidden until the
    /// whole table withstands the attack.
    /// </summary>
    public static ProtectedTable Protect(int[,] counts, DisclosureRules? rules = null)
    {
        rules ??= DisclosureRules.Default;
        int rows = counts.GetLength(0), columns = counts.GetLength(1);

        // Cells laid out as an (rows + 1) × (columns + 1) grid: the last column holds row totals, the last row column totals.
        int Index(int r, int c) => (r * (columns + 1)) + c;
        var values = new int[(rows + 1) * (columns + 1)];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                values[Index(r, c)] = counts[r, c];
                values[Index(r, columns)] += counts[r, c];
                values[Index(rows, c)] += counts[r, c];
                values[Index(rows, columns)] += counts[r, c];
            }
        }

        var lines = new List<(int[] Parts, int Total)>();
        for (var r = 0; r <= rows; r++)
        {
            lines.Add((Enumerable.Range(0, columns).Select(c => Index(r, c)).ToArray(), Index(r, columns)));
        }

        for (var c = 0; c <= columns; c++)
        {
            lines.Add((Enumerable.Range(0, rows).Select(r => Index(r, c)).ToArray(), Index(rows, c)));
        }

        // How much of a total a cell is: 0 inside the table, 1 for a row or column total, 2 for the grand total.
        var rank = new int[values.Length];
        var kept = new bool[values.Length];
        var status = Primary(values, rules);
        var rowTotals = Protect(Enumerable.Range(0, rows).Select(r => values[Index(r, columns)]).ToList(), rules);
        var columnTotals = Protect(Enumerable.Range(0, columns).Select(c => values[Index(rows, c)]).ToList(), rules);
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                rank[Index(r, c)] = (r == rows ? 1 : 0) + (c == columns ? 1 : 0);
                kept[Index(r, c)] = r == rows || c == columns;
            }
        }

        for (var r = 0; r < rows; r++)
        {
            status[Index(r, columns)] = rowTotals.Cells[r].Suppression;
        }

        for (var c = 0; c < columns; c++)
        {
            status[Index(rows, c)] = columnTotals.Cells[c].Suppression;
        }

        status[Index(rows, columns)] = rowTotals.Total.IsSuppressed ? rowTotals.Total.Suppression : columnTotals.Total.Suppression;
        status = new Equations(values, lines, rank).Protect(kept, status, rules);
        var grid = new ProtectedCount[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                grid[r, c] = new ProtectedCount(values[Index(r, c)], status[Index(r, c)]);
            }
        }

        return new ProtectedTable(grid, rows, columns);
    }

    /// <summary>Whether a count on its own must be suppressed (1 to the threshold − 1; never zero).</summary>
    public static bool IsSmall(int count, DisclosureRules? rules = null) =>
        count > 0 && count < (rules ?? DisclosureRules.Default).MinimumCount;

    /// <summary>A count as published: the number, or <c>[c]</c>.</summary>
    public static string Display(this ProtectedCount cell) => cell.Suppression switch
    {
        CellSuppression.None => cell.Value.ToString("N0", CultureInfo.InvariantCulture),
        CellSuppression.Withheld => Withheld,
        _ => Suppressed,
    };

    /// <summary>
    /// A percentage as published, to one decimal place: <c>[low]</c> when the denominator is under the minimum,
    /// <c>[c]</c> when either count is suppressed.
    /// </summary>
    public static string Percentage(ProtectedCount numerator, ProtectedCount denominator, DisclosureRules? rules = null) =>
        PercentageValue(numerator, denominator, rules) is { } value
            ? value.ToString("0.0", CultureInfo.InvariantCulture) + "%"
            : numerator.IsSuppressed || denominator.IsSuppressed ? Suppressed : LowBase;

    /// <summary>The percentage, or null where it may not be shown.</summary>
    public static decimal? PercentageValue(ProtectedCount numerator, ProtectedCount denominator, DisclosureRules? rules = null)
    {
        rules ??= DisclosureRules.Default;
        if (numerator.IsSuppressed || denominator.IsSuppressed || denominator.Value < rules.MinimumDenominator || denominator.Value == 0)
        {
            return null;
        }

        return Math.Round(100m * numerator.Value / denominator.Value, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>A percentage of raw counts under the same denominator rule (for figures a user may see unsuppressed).</summary>
    public static decimal? PercentageValue(int numerator, int denominator, DisclosureRules? rules = null) =>
        PercentageValue(new ProtectedCount(numerator, CellSuppression.None), new ProtectedCount(denominator, CellSuppression.None), rules);

    /// <summary>
    /// Figures several tables share, protected as one system: each figure has one status, so it is shown the same or
    /// hidden in every table that holds it, and the attack that chooses secondary suppression reads every table's sums at once.
    /// </summary>
    public static IReadOnlyDictionary<string, ProtectedCount> Protect(LinkedFigures figures, DisclosureRules? rules = null)
    {
        rules ??= DisclosureRules.Default;
        var values = figures.Values.ToArray();
        var status = new Equations(values, figures.Lines, figures.Ranks.ToArray())
            .Protect(figures.NeverHidden.ToArray(), Primary(values, rules), rules, joint: true);
        return figures.Names.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => new ProtectedCount(values[x.i], status[x.i]), StringComparer.Ordinal);
    }

    private static CellSuppression[] Primary(int[] values, DisclosureRules rules) =>
        values.Select(v => IsSmall(v, rules) ? CellSuppression.Primary : CellSuppression.None).ToArray();

    /// <summary>
    /// Cells tied by lines (the parts of a line add up to its total), the attack on them, and the secondary
    /// suppression that defeats it.
    /// </summary>
    private sealed class Equations(int[] values, IReadOnlyList<(int[] Parts, int Total)> lines, int[] rank)
    {
        /// <summary>Larger than any count: a hidden cell's upper bound before anything narrows it.</summary>
        private const long Unbounded = 1L << 40;

        /// <summary>
        /// Hides cells until every hidden cell's range is at least the protection interval wide. Cells marked
        /// <paramref name="kept"/> keep the status they were given (totals protected elsewhere) unless nothing else can
        /// protect the table; every round hides one more cell, so this ends.
        /// </summary>
        public CellSuppression[] Protect(bool[] kept, CellSuppression[] initial, DisclosureRules rules, bool joint = false)
        {
            var status = (CellSuppression[])initial.Clone();
            var linesOf = Enumerable.Range(0, values.Length).Select(_ => new List<int>()).ToArray();
            for (var l = 0; l < lines.Count; l++)
            {
                foreach (var cell in lines[l].Parts.Append(lines[l].Total))
                {
                    linesOf[cell].Add(l);
                }
            }

            while (true)
            {
                var (low, high) = Ranges(status);
                // A withheld figure needs protecting only when it is a small count: a withheld zero or large count may be worked out.
                var exposed = Enumerable.Range(0, values.Length)
                    .Where(i => status[i] != CellSuppression.None && (status[i] != CellSuppression.Withheld || IsSmall(values[i], rules)) && high[i] - low[i] < rules.ProtectionWidth)
                    // The narrowest first; of those, a count hidden to protect another before a small count itself, since
                    // the cell beside a secondary one usually protects both.
                    .OrderBy(i => high[i] - low[i]).ThenByDescending(i => status[i] == CellSuppression.Secondary).ThenBy(i => i).FirstOrDefault(-1);
                if (exposed < 0)
                {
                    return status;
                }

                bool Hideable(int cell, bool evenKept) => status[cell] == CellSuppression.None && values[cell] > 0 && (evenKept || !kept[cell]);
                var near = linesOf[exposed].SelectMany(l => lines[l].Parts.Append(lines[l].Total)).Distinct().ToList();
                var further = near.Where(c => status[c] != CellSuppression.None).SelectMany(c => linesOf[c])
                    .SelectMany(l => lines[l].Parts.Append(lines[l].Total)).Distinct().ToList();

                // The smallest count on the exposed cell's own lines, cells before totals; failing that on the lines of
                // the hidden cells beside it, then anywhere; and a kept total only when no other cell is left.
                // Protecting several tables at once, a count far away does not help and a total that is never hidden stays.
                IEnumerable<int>[] candidates = joint
                    ? [near.Where(c => Hideable(c, false)), further.Where(c => Hideable(c, false))]
                    : [near.Where(c => Hideable(c, false)), further.Where(c => Hideable(c, false)), Enumerable.Range(0, values.Length).Where(c => Hideable(c, false)),
                        near.Where(c => Hideable(c, true)), Enumerable.Range(0, values.Length).Where(c => Hideable(c, true))];
                var chosen = candidates
                    .Select(set => set.OrderBy(c => rank[c]).ThenBy(c => values[c]).ThenBy(c => c).FirstOrDefault(-1))
                    .FirstOrDefault(c => c >= 0, -1);
                if (chosen < 0 && joint)
                {
                    // Hiding cannot protect it, as when a total that is always shown (Scotland's) is barely more than the number
                    // of non-zero counts on its line: the counts on the exposed count's lines are withheld, zeros too, so
                    // that nobody can count how many are not zero.
                    var ring = new HashSet<int> { exposed };
                    List<int> withheld = [];
                    while (withheld.Count == 0)
                    {
                        var next = ring.SelectMany(c => linesOf[c]).SelectMany(l => lines[l].Parts.Append(lines[l].Total)).Where(c => !ring.Contains(c)).ToList();
                        if (next.Count == 0)
                        {
                            break;
                        }

                        withheld = next.Where(c => !kept[c] && status[c] != CellSuppression.Withheld).Distinct().ToList();
                        ring.UnionWith(next);
                    }

                    if (withheld.Count == 0 && status[exposed] == CellSuppression.Withheld)
                    {
                        return status;
                    }

                    withheld.ForEach(c => status[c] = CellSuppression.Withheld);
                    status[exposed] = CellSuppression.Withheld;
                    continue;
                }

                if (chosen < 0)
                {
                    // Everything that can be hidden is: the table cannot be protected further.
                    return status;
                }

                status[chosen] = CellSuppression.Secondary;
            }
        }

        /// <summary>
        /// What the attacker can work out: each line's total lies between the sums of its parts' bounds, and each part
        /// between the total's bounds less the others'. Repeated until nothing narrows (or a generous number of passes).
        /// </summary>
        private (long[] Low, long[] High) Ranges(CellSuppression[] status)
        {
            // A hidden count is at least 1 (zeros are shown); a withheld one may be 0.
            var low = values.Select((v, i) => status[i] switch { CellSuppression.None => v, CellSuppression.Withheld => 0L, _ => 1L }).ToArray();
            var high = values.Select((v, i) => status[i] == CellSuppression.None ? v : Unbounded).ToArray();
            for (var pass = 0; pass < 500; pass++)
            {
                var narrowed = false;
                foreach (var (parts, total) in lines)
                {
                    long sumLow = parts.Sum(p => low[p]), sumHigh = parts.Sum(p => Math.Min(high[p], Unbounded));
                    narrowed |= Narrow(total, sumLow, sumHigh);
                    foreach (var p in parts)
                    {
                        narrowed |= Narrow(p, low[total] - (sumHigh - Math.Min(high[p], Unbounded)), high[total] - (sumLow - low[p]));
                    }
                }

                if (!narrowed)
                {
                    break;
                }
            }

            return (low, high);

            bool Narrow(int cell, long atLeast, long atMost)
            {
                // A bound worked out from an unbounded one is no bound: without this, cycles of lines would lower
                // "unbounded" a little on every pass.
                atMost = atMost >= Unbounded / 2 ? Unbounded : atMost;
                var changed = false;
                if (atLeast > low[cell])
                {
                    low[cell] = atLeast;
                    changed = true;
                }

                if (atMost < high[cell])
                {
                    high[cell] = atMost;
                    changed = true;
                }

                return changed;
            }
        }
    }
}

/// <summary>
/// Named figures and the sums that tie them (the counts of a row add up to its total), gathered from every table that
/// shows any of them. A name given twice is one figure when its values agree; when they do not, the tables count
/// different things and the second is a figure of its own.
/// </summary>
public sealed class LinkedFigures
{
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private readonly List<(int[] Parts, int Total)> lines = [];

    public List<string> Names { get; } = [];

    public List<int> Values { get; } = [];

    /// <summary>0 for a count inside a table, 1 for a subtotal, 2 for a grand total: secondary suppression takes the lowest first.</summary>
    public List<int> Ranks { get; } = [];

    public List<bool> NeverHidden { get; } = [];

    public IReadOnlyList<(int[] Parts, int Total)> Lines => lines;

    /// <summary>Adds (or finds) a figure and gives the name it is known by.</summary>
    public string Figure(string name, int value, int rank, bool neverHide = false)
    {
        for (var own = name; ; own = $"{name}#{Names.Count}")
        {
            if (!index.TryGetValue(own, out var i))
            {
                index[own] = Names.Count;
                Names.Add(own);
                Values.Add(value);
                Ranks.Add(rank);
                NeverHidden.Add(neverHide);
                return own;
            }

            if (Values[i] == value)
            {
                NeverHidden[i] |= neverHide;
                return own;
            }
        }
    }

    /// <summary>The figures <paramref name="parts"/> add up to <paramref name="total"/>.</summary>
    public void Adds(IEnumerable<string> parts, string total) => lines.Add((parts.Select(p => index[p]).ToArray(), index[total]));
}

/// <summary>The thresholds; configurable because the published tables' exact rule was not found (domain README).</summary>
public sealed record DisclosureRules(int MinimumCount = 5, int MinimumDenominator = 20)
{
    /// <summary>
    /// The protection interval: the attacker's range for a hidden count (its highest possible value less its lowest)
    /// must be at least this, so at least <c>MinimumCount − 1</c> values stay possible (1 to 4 by default).
    /// </summary>
    public int ProtectionWidth => MinimumCount - 2;

    public static DisclosureRules Default { get; } = new();
}

public enum CellSuppression
{
    None,

    /// <summary>A small count (1–4).</summary>
    Primary,

    /// <summary>Hidden so that a small count cannot be worked out from the totals.</summary>
    Secondary,

    /// <summary>
    /// Not published, whatever it is (zero included), where hiding counts cannot protect a line whose total is always
    /// shown: shown as <c>[x]</c>, which says nothing about the count.
    /// </summary>
    Withheld,
}

/// <summary>A true count and whether it may be published. <see cref="Published"/> is null when it may not.</summary>
public readonly record struct ProtectedCount(int Value, CellSuppression Suppression)
{
    public bool IsSuppressed => Suppression != CellSuppression.None;

    public int? Published => IsSuppressed ? null : Value;
}

public sealed record ProtectedList(IReadOnlyList<ProtectedCount> Cells, ProtectedCount Total);

/// <summary>A protected two-way table. <see cref="Cell"/> takes indices up to and including the totals row and column.</summary>
public sealed class ProtectedTable(ProtectedCount[,] grid, int rows, int columns)
{
    public int Rows => rows;
    public int Columns => columns;

    public ProtectedCount Cell(int row, int column) => grid[row, column];

    public ProtectedCount RowTotal(int row) => grid[row, columns];

    public ProtectedCount ColumnTotal(int column) => grid[rows, column];

    public ProtectedCount GrandTotal => grid[rows, columns];

    /// <summary>
    /// The two-way table protected with its breakdowns in one fixed order (<paramref name="transpose"/> when the asked
    /// order is the other), so that sex by age band and age band by sex hide the same counts.
    /// </summary>
    public static ProtectedTable Canonical(int[,] counts, bool transpose, DisclosureRules? rules = null)
    {
        if (!transpose)
        {
            return DisclosureControl.Protect(counts, rules);
        }

        int rows = counts.GetLength(0), columns = counts.GetLength(1);
        var flipped = new int[columns, rows];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                flipped[c, r] = counts[r, c];
            }
        }

        var table = DisclosureControl.Protect(flipped, rules);
        var grid = new ProtectedCount[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                grid[r, c] = table.Cell(c, r);
            }
        }

        return new ProtectedTable(grid, rows, columns);
    }
}
