using System.Globalization;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Features.Measurement;

namespace Nolb.Tests.Features.Measurement;

/// <summary>
/// The attacker of the disclosure-control tests, written apart from Nolb's own protection so that it checks it rather
/// than repeats it. It reads published figures by what they count (the same count in two tables is one unknown, so a
/// by-sex and a by-age table of an LEP share the LEP's total), every equation the tables state (cells add up to their
/// row, column and grand totals), knows a zero is a zero and so a hidden count is at least 1, and bounds every hidden
/// count by interval propagation repeated to a fixed point: the audit of suppressed cells' feasible ranges described
/// in FCSM Statistical Policy Working Paper 22 (Report on Statistical Disclosure Limitation Methodology, ch. 4).
/// A finding is a hidden count narrowed to fewer values than the protection interval, or two tables showing the same
/// count as two different numbers.
/// </summary>
public sealed class IntervalAttacker
{
    private const long Infinite = long.MaxValue / 8;
    private readonly Dictionary<string, long?> figures = new(StringComparer.Ordinal);
    private readonly List<(string[] Parts, string Total)> equations = [];

    // What the attacker knows of what is counted rather than from the tables: a rate's numerator is part of its denominator.
    private readonly List<(string[] Parts, string Total)> partOf = [];
    private readonly List<string> conflicts = [];
    private readonly Dictionary<string, string> shown = new(StringComparer.Ordinal);

    public int Tables { get; private set; }

    public int Hidden => figures.Count(f => f.Value is null);

    /// <summary>Figures read as [x]: withheld, saying nothing.</summary>
    public int Withheld { get; private set; }

    /// <summary>Counts published as two different numbers in two places.</summary>
    public IReadOnlyList<string> Conflicts => conflicts;

    /// <summary>The name of a count: what is counted, where (no LEP is Scotland), and the groups it is restricted to.</summary>
    public static string Name(string indicator, string? lep, params (string Dimension, string Group)[] groups) =>
        $"{indicator}|{lep ?? "Scotland"}|" + string.Join("|", groups.OrderBy(g => g.Dimension, StringComparer.Ordinal).Select(g => $"{g.Dimension}={g.Group}"));

    /// <summary>
    /// A published figure: "[c]" is hidden and at least 1, "[x]" is withheld and may be 0, a number is known; anything else
    /// ([low], "–") says nothing. The same count shown as a number in one place and hidden in another is a conflict.
    /// </summary>
    public void Read(string name, string display)
    {
        long? value = long.TryParse(display, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number) ? number : null;
        if (display is not DisclosureControl.Suppressed and not DisclosureControl.Withheld && value is null)
        {
            return;
        }

        if (shown.TryGetValue(name, out var before) && before != display)
        {
            conflicts.Add($"{name} is published as both {before} and {display}");
        }

        shown.TryAdd(name, display);
        if (display == DisclosureControl.Withheld)
        {
            // Not a figure: any count at all, zero included, bounded only by the sums it is in.
            Withheld++;
            return;
        }

        if (value is not null || !figures.ContainsKey(name))
        {
            figures[name] = value;
        }
    }

    public void Adds(IEnumerable<string> parts, string total) => equations.Add((parts.ToArray(), total));

    /// <summary>
    /// <paramref name="part"/> is at most <paramref name="whole"/> (a rate's numerator and its denominator): the whole is
    /// the part and a count nobody publishes.
    /// </summary>
    public void AtMost(string part, string whole) => partOf.Add(([part, $"unpublished|{part}|{whole}"], whole));

    /// <summary>What a rate counts as achieved, or what a mean is taken over.</summary>
    public static string Numerator(string indicator) => $"{indicator}#numerator";

    /// <summary>A rate's denominator: the count it is (people supported for stage progressions) or a figure of its own.</summary>
    public static string Denominator(string indicator) => JointDisclosure.DenominatorCountOf(indicator) ?? $"{indicator}#denominator";

    /// <summary>
    /// A rate or mean from the values API or the equality gaps: its counts under <paramref name="countName"/> (a rate's
    /// numerator, a mean's number measured), a rate's denominators under <paramref name="denominatorName"/>, for Scotland
    /// or one LEP, broken down no, one or two ways; parts add up to their totals where each person is in one group.
    /// </summary>
    public void ReadValues(IndicatorValues values, string countName, string? denominatorName, string? lep = null)
    {
        Tables++;
        // A category of the indicator itself (an assessment domain) is no breakdown of people: nothing is assumed to add up.
        var dimensions = values.Breakdown.Select(b => Breakdowns.Find(b) ?? new Breakdowns.Dimension(b, b, true, (_, _) => [])).ToList();
        (string, string)[] Groups(ValueRow row) => dimensions.Select((d, i) => (d.Name, row.Groups[i])).ToArray();
        foreach (var (name, display) in new (string?, Func<ValueRow, string?>)[] { (countName, r => r.CountDisplay), (denominatorName, r => r.DenominatorDisplay) })
        {
            if (name is null)
            {
                continue;
            }

            foreach (var row in values.Rows)
            {
                Read(Name(name, lep, Groups(row)), display(row) ?? "");
            }

            Read(Name(name, lep), display(values.Total) ?? "");
            if (dimensions.Count == 1 && !dimensions[0].Overlapping)
            {
                Adds(values.Rows.Select(r => Name(name, lep, Groups(r))), Name(name, lep));
            }

            for (var d = 0; d < dimensions.Count && dimensions.Count == 2; d++)
            {
                // Each group of one breakdown is the sum of its cells across the other, when each person is in one of those.
                if (dimensions[1 - d].Overlapping)
                {
                    continue;
                }

                foreach (var group in values.Rows.GroupBy(r => r.Groups[d]))
                {
                    Adds(group.Select(r => Name(name, lep, Groups(r))), Name(name, lep, (dimensions[d].Name, group.Key)));
                }
            }
        }

        if (denominatorName is not null)
        {
            foreach (var row in values.Rows)
            {
                AtMost(Name(countName, lep, Groups(row)), Name(denominatorName, lep, Groups(row)));
            }

            AtMost(Name(countName, lep), Name(denominatorName, lep));
        }
    }

    /// <summary>The national tables: LEPs down the side, groups (or a rate's numerator and denominator) across.</summary>
    public void ReadNational(NationalStatistics statistics)
    {
        foreach (var table in statistics.Tables)
        {
            Tables++;
            var rows = table.Rows.Select(r => (Lep: (string?)r.Label, Row: r)).Append((null, table.Scotland)).ToList();
            if (table.Scotland.Percentage is not null)
            {
                // A rate table: numerator and denominator by LEP, each adding up to Scotland's, the numerator at most the denominator.
                foreach (var (indicator, column) in new[] { (Numerator(table.Indicator), 0), (Denominator(table.Indicator), 1) })
                {
                    foreach (var (lep, row) in rows)
                    {
                        Read(Name(indicator, lep), row.Cells[column].Display);
                    }

                    Adds(table.Rows.Select(r => Name(indicator, r.Label)), Name(indicator, null));
                }

                foreach (var (lep, _) in rows)
                {
                    AtMost(Name(Numerator(table.Indicator), lep), Name(Denominator(table.Indicator), lep));
                }

                continue;
            }

            foreach (var (lep, row) in rows)
            {
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    Read(Name(table.Indicator, lep, (table.ColumnHeading, table.Columns[c])), row.Cells[c].Display);
                }

                Read(Name(table.Indicator, lep), row.Total.Display);
                Adds(table.Columns.Select(c => Name(table.Indicator, lep, (table.ColumnHeading, c))), Name(table.Indicator, lep));
            }

            foreach (var column in table.Columns)
            {
                Adds(table.Rows.Select(r => Name(table.Indicator, r.Label, (table.ColumnHeading, column))), Name(table.Indicator, null, (table.ColumnHeading, column)));
            }

            Adds(table.Rows.Select(r => Name(table.Indicator, r.Label)), Name(table.Indicator, null));
        }
    }

    /// <summary>
    /// The national tables as the workbook holds them, read back cell by cell; the tables' indicator and column heading
    /// (which the sheets name only in words) come from <paramref name="layout"/>.
    /// </summary>
    public void ReadWorkbook(IReadOnlyList<WorkbookReader.CellRead> cells, NationalStatistics layout)
    {
        foreach (var table in layout.Tables)
        {
            var sheet = cells.Single(c => c.Reference == "A1" && c.Text == table.Title).Sheet;
            var byReference = cells.Where(c => c.Sheet == sheet).ToDictionary(c => c.Reference, c => c.Text, StringComparer.Ordinal);
            var rows = new List<TableRow>();
            for (var r = 5; byReference.TryGetValue($"A{r}", out var label); r++)
            {
                string At(int column) => byReference.GetValueOrDefault($"{(char)('A' + column)}{r}", "");
                TableCell Figure(int column) => new(int.TryParse(At(column), CultureInfo.InvariantCulture, out var v) ? v : null, At(column));
                var figures = table.Columns.Select((_, c) => Figure(c + 1)).ToList();
                var last = table.Columns.Count + 1;
                rows.Add(new TableRow(label, figures, table.Scotland.Percentage is null ? Figure(last) : figures[^1], table.Scotland.Percentage is null ? null : At(last)));
            }

            ReadNational(layout with { Tables = [table with { Rows = rows[..^1], Scotland = rows[^1] }] });
        }
    }

    /// <summary>The national dashboard: each count indicator by LEP with Scotland's total, and its cross-tabulation.</summary>
    public void ReadDashboard(NationalDashboard dashboard)
    {
        foreach (var theme in dashboard.Themes)
        {
            Tables++;
            for (var c = 0; c < theme.Columns.Count; c++)
            {
                var column = theme.Columns[c];
                if (column.Measure != Measure.Count || column.Unavailable is not null)
                {
                    continue;
                }

                foreach (var row in theme.Rows)
                {
                    Read(Name(column.Code, row.Lep), row.Values[c].Display);
                }

                Read(Name(column.Code, null), theme.Scotland.Values[c].Display);
                Adds(theme.Rows.Select(r => Name(column.Code, r.Lep)), Name(column.Code, null));
            }
        }

        ReadIntersection(dashboard.Intersection);
    }

    /// <summary>
    /// A cross-tabulation of Scotland. Where a person can be in several groups its totals are not counts of people,
    /// so they are this table's own unknowns, tied only to its cells.
    /// </summary>
    public void ReadIntersection(IntersectionTable table)
    {
        Tables++;
        var own = $"{table.Indicator}|{table.RowsHeading}×{table.ColumnsHeading}";
        string Cell(string row, string column) => Name(table.Indicator, null, (table.RowsHeading, row), (table.ColumnsHeading, column));
        string RowTotal(string row) => table.Overlapping ? $"{own}|row={row}" : Name(table.Indicator, null, (table.RowsHeading, row));
        foreach (var row in table.Rows)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                Read(Cell(row.Label, table.Columns[c]), row.Cells[c].Display);
            }

            Read(RowTotal(row.Label), row.Total.Display);
            Adds(table.Columns.Select(c => Cell(row.Label, c)), RowTotal(row.Label));
        }

        if (table.Totals is { } totals)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var column = Name(table.Indicator, null, (table.ColumnsHeading, table.Columns[c]));
                Read(column, totals.Cells[c].Display);
                Adds(table.Rows.Select(r => Cell(r.Label, table.Columns[c])), column);
            }

            Read(Name(table.Indicator, null), totals.Total.Display);
            Adds(table.Rows.Select(r => RowTotal(r.Label)), Name(table.Indicator, null));
            Adds(table.Columns.Select(c => Name(table.Indicator, null, (table.ColumnsHeading, c))), Name(table.Indicator, null));
        }
    }

    /// <summary>A count broken down one way for Scotland, as the statistics API gives it to a national user.</summary>
    public void ReadOneWay(IndicatorValues values, string dimension, bool overlapping, string? lep = null)
    {
        Tables++;
        foreach (var row in values.Rows)
        {
            Read(Name(values.Indicator, lep, (dimension, row.Groups[0])), row.CountDisplay);
        }

        Read(Name(values.Indicator, lep), values.Total.CountDisplay);
        if (!overlapping)
        {
            Adds(values.Rows.Select(r => Name(values.Indicator, lep, (dimension, r.Groups[0]))), Name(values.Indicator, lep));
        }
    }

    /// <summary>
    /// The equality gaps of Scotland or one LEP: starts and people supported by each breakdown (counts published
    /// elsewhere too), and people who entered work, a count of this report alone, each breakdown adding up to its total.
    /// </summary>
    public void ReadGaps(GapAnalysisResult report, string? lep)
    {
        foreach (var dimension in report.Dimensions)
        {
            Tables++;
            var name = Breakdowns.Find(dimension.Dimension)!.Name;
            foreach (var (indicator, cell, total) in new (string, Func<GapRow, string>, string)[]
                {
                    ("starts", g => g.StartsDisplay, dimension.TotalStartsDisplay),
                    ("supported", g => g.SupportedDisplay, dimension.TotalSupportedDisplay),
                    ("gaps#entered-work", g => g.JobEntrantsDisplay, dimension.TotalJobEntrantsDisplay),
                })
            {
                foreach (var group in dimension.Groups)
                {
                    Read(Name(indicator, lep, (name, group.Group)), cell(group));
                }

                Read(Name(indicator, lep), total);
                Adds(dimension.Groups.Select(g => Name(indicator, lep, (name, g.Group))), Name(indicator, lep));
            }

            foreach (var group in dimension.Groups)
            {
                // Who entered work is some of the people supported.
                AtMost(Name("gaps#entered-work", lep, (name, group.Group)), Name("supported", lep, (name, group.Group)));
            }
        }
    }

    /// <summary>Every hidden count narrowed below the protection interval, and every figure shown two ways.</summary>
    /// <param name="protectionWidth">The narrowest range a hidden count may be left with.</param>
    /// <param name="knowingWhatIsCounted">
    /// Also use that a rate's numerator is at most its denominator (and who entered work at most who was supported): not
    /// a figure of any table, so beyond the attack disclosure control promises to defeat (see DisclosureAttackTests).
    /// </param>
    public IReadOnlyList<string> Attack(int protectionWidth, bool knowingWhatIsCounted = false)
    {
        var equations = knowingWhatIsCounted ? [.. this.equations, .. partOf] : this.equations;
        var low = new Dictionary<string, long>(StringComparer.Ordinal);
        var high = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in equations.SelectMany(e => e.Parts.Append(e.Total)).Concat(figures.Keys).Distinct())
        {
            // Published: exactly its value. Hidden: at least 1, as zeros are shown. Withheld or never published: any count at all.
            var figure = figures.GetValueOrDefault(name);
            low[name] = figure ?? (figures.ContainsKey(name) ? 1 : 0);
            high[name] = figure ?? Infinite;
        }

        var touching = equations.SelectMany((e, i) => e.Parts.Append(e.Total).Select(n => (n, i))).ToLookup(x => x.n, x => x.i);
        var queue = new Queue<int>(Enumerable.Range(0, equations.Count));
        var queued = new HashSet<int>(queue);
        var steps = 0;
        while (queue.Count > 0 && steps++ < 5_000_000)
        {
            var e = queue.Dequeue();
            queued.Remove(e);
            var (parts, total) = equations[e];
            var changed = new List<string>();
            var lowSum = parts.Sum(p => low[p]);
            var highSum = parts.Any(p => high[p] >= Infinite) ? Infinite : parts.Sum(p => high[p]);
            Tighten(total, lowSum, highSum);
            foreach (var part in parts)
            {
                var othersHigh = highSum >= Infinite ? Infinite : highSum - high[part];
                var othersLow = lowSum - low[part];
                Tighten(part, othersHigh >= Infinite ? 0 : low[total] - othersHigh, high[total] >= Infinite ? Infinite : high[total] - othersLow);
                lowSum = parts.Sum(p => low[p]);
                highSum = parts.Any(p => high[p] >= Infinite) ? Infinite : parts.Sum(p => high[p]);
            }

            foreach (var next in changed.SelectMany(n => touching[n]).Where(queued.Add))
            {
                queue.Enqueue(next);
            }

            void Tighten(string name, long atLeast, long atMost)
            {
                if (atLeast > low[name])
                {
                    low[name] = atLeast;
                    changed.Add(name);
                }

                if (atMost < high[name])
                {
                    high[name] = atMost;
                    changed.Add(name);
                }
            }
        }

        var findings = new List<string>(conflicts);
        foreach (var name in figures.Where(f => f.Value is null).Select(f => f.Key).Order(StringComparer.Ordinal))
        {
            if (low[name] > high[name])
            {
                findings.Add($"{name}: the published figures contradict each other ({low[name]} to {high[name]})");
            }
            else if (high[name] - low[name] < protectionWidth)
            {
                findings.Add($"{name} is [c] but must be {(low[name] == high[name] ? low[name].ToString(CultureInfo.InvariantCulture) : $"{low[name]} to {high[name]}")}");
            }
        }

        return findings;
    }
}
