using System.Globalization;

namespace Nolb.Web.Domain.Measurement;

/// <summary>
/// Statistical disclosure control for every table a national analyst sees or that is exported for
/// publication. Pure: the rules are tested without a web host, and /Measurement/DisclosureControl explains
/// them to users.
/// <list type="number">
/// <item>Totals are worked out from the true counts before anything is suppressed.</item>
/// <item>Primary suppression: a count from 1 to <see cref="DisclosureRules.MinimumCount"/> − 1 (1–4 by
/// default) is shown as <c>[c]</c>, totals included. Zero stays zero.</item>
/// <item>Secondary suppression: a row or column (each with its total) that has exactly one suppressed cell
/// would let anyone work that cell out by subtraction, so a second cell on the same line is suppressed too.
/// That cell lies on another line, which may then need a second cell of its own: the rule is applied again
/// until every line has no suppressed cell or at least two (a fixed point).</item>
/// <item>A percentage is not shown (<c>[low]</c>) when its denominator is under
/// <see cref="DisclosureRules.MinimumDenominator"/> (20 by default), or when its numerator or denominator is suppressed.</item>
/// </list>
/// </summary>
public static class DisclosureControl
{
    public const string Suppressed = "[c]";
    public const string LowBase = "[low]";

    /// <summary>A one-way table: categories and their total (the total is the sum of the counts).</summary>
    public static ProtectedList Protect(IReadOnlyList<int> counts, DisclosureRules? rules = null)
    {
        rules ??= DisclosureRules.Default;
        var total = counts.Sum();
        var values = counts.Append(total).ToArray();
        var totalIndex = counts.Count;
        var lines = new[] { Enumerable.Range(0, values.Length).ToArray() };
        var status = Solve(values, lines, [.. counts.Select(_ => 0), 1], rules);
        return new ProtectedList(
            counts.Select((c, i) => new ProtectedCount(c, status[i])).ToList(),
            new ProtectedCount(total, status[totalIndex]));
    }

    /// <summary>
    /// A two-way table (rows × columns) with row totals, column totals and the grand total, all computed
    /// from the true counts before suppression.
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

        var lines = new List<int[]>();
        for (var r = 0; r <= rows; r++)
        {
            lines.Add(Enumerable.Range(0, columns + 1).Select(c => Index(r, c)).ToArray());
        }

        for (var c = 0; c <= columns; c++)
        {
            lines.Add(Enumerable.Range(0, rows + 1).Select(r => Index(r, c)).ToArray());
        }

        // How much of a total a cell is: 0 inside the table, 1 for a row or column total, 2 for the grand total.
        var rank = new int[values.Length];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                rank[Index(r, c)] = (r == rows ? 1 : 0) + (c == columns ? 1 : 0);
            }
        }

        var status = Solve(values, lines, rank, rules);
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
    public static string Display(this ProtectedCount cell) =>
        cell.IsSuppressed ? Suppressed : cell.Value.ToString("N0", CultureInfo.InvariantCulture);

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

    private static CellSuppression[] Solve(int[] values, IReadOnlyList<int[]> lines, int[] rank, DisclosureRules rules)
    {
        var status = values.Select(v => IsSmall(v, rules) ? CellSuppression.Primary : CellSuppression.None).ToArray();
        var linesOf = new List<int>[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            linesOf[i] = [];
        }

        for (var l = 0; l < lines.Count; l++)
        {
            foreach (var cell in lines[l])
            {
                linesOf[cell].Add(l);
            }
        }

        int SuppressedOn(int line) => lines[line].Count(c => status[c] != CellSuppression.None);

        // Each pass finds a line with exactly one suppressed cell and hides one more cell on it. Every pass
        // suppresses a cell, so this ends; it stops when no line gives a suppressed cell away.
        while (true)
        {
            var exposed = Enumerable.Range(0, lines.Count).FirstOrDefault(l => SuppressedOn(l) == 1, -1);
            if (exposed < 0)
            {
                return status;
            }

            var candidates = lines[exposed].Where(c => status[c] == CellSuppression.None && values[c] > 0).ToList();
            if (candidates.Count == 0)
            {
                // Cannot happen: the one hidden cell is non-zero (zeros are never hidden), so either the line's
                // total or another of its cells is non-zero and still shown.
                throw new InvalidOperationException("A line with one suppressed cell has no other non-zero cell to suppress.");
            }

            var chosen = candidates
                // Hide cells before totals and the grand total last; then a cell that also protects its other line.
                .OrderBy(c => rank[c])
                .ThenBy(c => linesOf[c].Any(l => l != exposed && SuppressedOn(l) == 1) ? 0 : 1)
                .ThenBy(c => values[c])
                .ThenBy(c => c)
                .First();
            status[chosen] = CellSuppression.Secondary;
        }
    }
}

/// <summary>The thresholds; configurable because the published tables' exact rule was not found (domain README).</summary>
public sealed record DisclosureRules(int MinimumCount = 5, int MinimumDenominator = 20)
{
    public static DisclosureRules Default { get; } = new();
}

public enum CellSuppression
{
    None,

    /// <summary>A small count (1–4).</summary>
    Primary,

    /// <summary>Hidden so that a small count cannot be worked out from the totals.</summary>
    Secondary,
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
}
