using Nolb.Tests.Features.Measurement;
using Nolb.Web.Domain.Measurement;

namespace Nolb.Tests.Domain.Measurement;

/// <summary>The disclosure control rules as plain C#: worked examples, then every small table checked against the invariants.</summary>
public sealed class DisclosureControlTests
{
    private static string[] Shown(ProtectedList list) => list.Cells.Append(list.Total).Select(c => c.Display()).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Counts_from_1_to_4_are_suppressed(int count)
    {
        var list = DisclosureControl.Protect([count, 50, 60]);

        Assert.Equal(CellSuppression.Primary, list.Cells[0].Suppression);
        Assert.Equal("[c]", list.Cells[0].Display());
        Assert.Null(list.Cells[0].Published);
    }

    [Fact]
    public void Zero_stays_zero_and_five_is_shown()
    {
        var list = DisclosureControl.Protect([0, 5, 20]);

        Assert.Equal(["0", "5", "20", "25"], Shown(list));
    }

    [Fact]
    public void One_small_count_beside_a_total_takes_the_next_smallest_cell_with_it()
    {
        // 3 + 9 + 40 = 52: with only the 3 hidden, 52 − 9 − 40 gives it away, so the 9 goes too.
        var list = DisclosureControl.Protect([3, 9, 40]);

        Assert.Equal(["[c]", "[c]", "40", "52"], Shown(list));
        Assert.Equal(CellSuppression.Secondary, list.Cells[1].Suppression);
    }

    [Fact]
    public void Two_small_counts_protect_each_other()
    {
        var list = DisclosureControl.Protect([3, 2, 40]);

        Assert.Equal(["[c]", "[c]", "40", "45"], Shown(list));
        Assert.All(list.Cells.Take(2), c => Assert.Equal(CellSuppression.Primary, c.Suppression));
    }

    [Fact]
    public void A_small_count_beside_zeros_only_hides_the_total_and_keeps_the_zeros()
    {
        // 0 + 3 + 0 = 3: the total is itself a small count.
        var list = DisclosureControl.Protect([0, 3, 0]);

        Assert.Equal(["0", "[c]", "0", "[c]"], Shown(list));
    }

    [Fact]
    public void A_large_cell_beside_a_small_one_and_zeros_hides_the_total()
    {
        // 3 + 0 + 7 = 10: hiding 3 forces hiding 7 (the only other non-zero cell); the total 10 may stay.
        var list = DisclosureControl.Protect([3, 0, 7]);

        Assert.Equal(["[c]", "0", "[c]", "10"], Shown(list));
    }

    [Fact]
    public void Totals_are_the_true_sums_computed_before_suppression()
    {
        var list = DisclosureControl.Protect([1, 2, 3, 100]);

        Assert.Equal(106, list.Total.Value);
        Assert.Equal("106", list.Total.Display());
    }

    [Fact]
    public void Secondary_suppression_stays_inside_a_table_whose_totals_have_no_small_count()
    {
        // Rows: [2, 10, 30] and [20, 15, 25]. The totals (42, 60; 22, 25, 55; 102) have no small count, so they are shown as
        // the one-way tables show them; the 2 alone would be 22 − 20, so counts around it are hidden until it is not.
        var counts = new[,] { { 2, 10, 30 }, { 20, 15, 25 } };
        var table = DisclosureControl.Protect(counts);

        Assert.Equal(CellSuppression.Primary, table.Cell(0, 0).Suppression);
        Assert.All(Enumerable.Range(0, 2).Select(table.RowTotal).Concat(Enumerable.Range(0, 3).Select(table.ColumnTotal)), t => Assert.False(t.IsSuppressed));
        Assert.Equal("102", table.GrandTotal.Display());
        Assert.True(Enumerable.Range(0, 2).SelectMany(r => Enumerable.Range(0, 3).Select(c => table.Cell(r, c))).Count(c => c.Suppression == CellSuppression.Secondary) >= 3);
        AssertSafe(table, counts);
    }

    [Fact]
    public void A_row_whose_only_other_cell_is_zero_hides_its_total_and_then_another_row_total()
    {
        // Row 0 is [3, 0] with total 3: the 3 and its row total are both small, so row 0 is safe, but column 0
        // (3, 20, 23) and the column of row totals (3, 40, 43) each have one hidden cell; hiding cells there
        // exposes row 1 and the totals row in turn, until every line is safe. The zero is never hidden.
        var counts = new[,] { { 3, 0 }, { 20, 20 } };
        var table = DisclosureControl.Protect(counts);

        Assert.True(table.Cell(0, 0).IsSuppressed);
        Assert.True(table.RowTotal(0).IsSuppressed);
        Assert.Equal("0", table.Cell(0, 1).Display());
        AssertSafe(table, counts);
    }

    [Fact]
    public void Totals_are_protected_as_the_one_way_tables_they_are_and_the_grand_total_stays()
    {
        // Area A [6 women, 3 men], Area B [3 women, 0 men]. The totals by area (9, 3) and by sex (9, 3) are protected as
        // one-way tables first: each 3 and, since 12 − 9 would give it away, each 9. Inside, the attacker knows 12, the 6
        // and the zero, and can only place each hidden 3 between 1 and 5: the 6 stays.
        var counts = new[,] { { 6, 3 }, { 3, 0 } };
        var table = DisclosureControl.Protect(counts);

        Assert.Equal("12", table.GrandTotal.Display());
        Assert.Equal("6", table.Cell(0, 0).Display());
        Assert.Equal("0", table.Cell(1, 1).Display());
        Assert.True(table.RowTotal(0).IsSuppressed);
        Assert.True(table.ColumnTotal(0).IsSuppressed);
        Assert.Equal(DisclosureControl.Protect([9, 3]).Cells.Select(c => c.Suppression), [table.RowTotal(0).Suppression, table.RowTotal(1).Suppression]);
        AssertSafe(table, counts);
    }

    [Fact]
    public void Two_ones_beside_a_shown_count_and_the_total_take_the_shown_count_with_them()
    {
        // The issue's Fife probe: Female [c], Male 9, Prefer not to say [c], Total 11. Zeros are shown, so each [c] is at
        // least 1, and 11 − 9 = 2 leaves 1 and 1. Hiding the 9 too leaves each anywhere from 1 to 9.
        var list = DisclosureControl.Protect([1, 9, 1]);

        Assert.Equal(["[c]", "[c]", "[c]", "11"], Shown(list));
    }

    [Fact]
    public void A_hidden_count_stays_at_least_the_protection_interval_wide()
    {
        // 2 + 1 + 1 beside 40, total 44: hiding only the small counts leaves three hidden counts, each at least 1, adding
        // up to 44 − 40 = 4, so each is 1 or 2. Hiding the 40 too leaves each anywhere from 1 to 42.
        var list = DisclosureControl.Protect([2, 1, 1, 40]);

        Assert.All(list.Cells, c => Assert.True(c.IsSuppressed));
        Assert.Equal("44", list.Total.Display());
        Assert.Equal(3, DisclosureRules.Default.ProtectionWidth);
    }

    [Fact]
    public void A_table_without_small_counts_is_shown_whole()
    {
        var counts = new[,] { { 5, 10 }, { 0, 7 } };
        var table = DisclosureControl.Protect(counts);

        for (var r = 0; r <= 2; r++)
        {
            for (var c = 0; c <= 2; c++)
            {
                Assert.False(table.Cell(r, c).IsSuppressed);
            }
        }

        Assert.Equal(22, table.GrandTotal.Value);
    }

    [Fact]
    public void The_threshold_is_configurable()
    {
        var rules = new DisclosureRules(MinimumCount: 10);
        var list = DisclosureControl.Protect([7, 8, 50], rules);

        Assert.Equal(["[c]", "[c]", "50", "65"], Shown(list));
    }

    [Theory]
    [InlineData(5, 19, "[low]")]
    [InlineData(5, 20, "25.0%")]
    [InlineData(1, 3, "[c]")]
    [InlineData(0, 20, "0.0%")]
    [InlineData(2, 30, "[c]")]
    [InlineData(10, 30, "33.3%")]
    public void Percentages_need_a_denominator_of_20_and_unsuppressed_counts(int numerator, int denominator, string expected)
    {
        var n = new ProtectedCount(numerator, DisclosureControl.IsSmall(numerator) ? CellSuppression.Primary : CellSuppression.None);
        var d = new ProtectedCount(denominator, DisclosureControl.IsSmall(denominator) ? CellSuppression.Primary : CellSuppression.None);

        Assert.Equal(expected, DisclosureControl.Percentage(n, d));
    }

    /// <summary>Every one-way table of up to four cells, each 0–6: the invariants hold for all 2,800 of them.</summary>
    [Fact]
    public void Every_small_one_way_table_is_safe()
    {
        var checkedTables = 0;
        for (var length = 1; length <= 4; length++)
        {
            foreach (var counts in AllVectors(length, 0, 6))
            {
                var list = DisclosureControl.Protect(counts);
                var cells = list.Cells.Append(list.Total).ToList();
                var values = counts.Append(counts.Sum()).ToList();
                AssertLineSafe(cells, values);
                checkedTables++;
            }
        }

        Assert.Equal(7 + 49 + 343 + 2401, checkedTables);
    }

    /// <summary>Every 2 × 2 table with cells 0–6 (2,401 of them) and a fixed sample of larger ones.</summary>
    [Fact]
    public void Every_small_two_way_table_is_safe()
    {
        foreach (var v in AllVectors(4, 0, 6))
        {
            var counts = new[,] { { v[0], v[1] }, { v[2], v[3] } };
            AssertSafe(DisclosureControl.Protect(counts), counts);
        }

        var random = new Random(20251);
        for (var i = 0; i < 500; i++)
        {
            int rows = random.Next(1, 6), columns = random.Next(1, 6);
            var counts = new int[rows, columns];
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    counts[r, c] = random.Next(4) == 0 ? 0 : random.Next(1, 30);
                }
            }

            AssertSafe(DisclosureControl.Protect(counts), counts);
        }
    }

    /// <summary>
    /// The independent attacker (interval propagation over every row, column and total, zeros known) against every 2 × 2
    /// table of counts 0–6 and a fixed sample of larger ones: no hidden count narrower than the protection interval.
    /// </summary>
    [Fact]
    public void No_small_table_can_be_narrowed_by_the_interval_attack()
    {
        var random = new Random(20262);
        var tables = AllVectors(4, 0, 6).Select(v => new[,] { { v[0], v[1] }, { v[2], v[3] } }).ToList();
        for (var i = 0; i < 400; i++)
        {
            int rows = random.Next(1, 7), columns = random.Next(1, 7);
            var counts = new int[rows, columns];
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    counts[r, c] = random.Next(3) == 0 ? 0 : random.Next(1, random.Next(2) == 0 ? 6 : 25);
                }
            }

            tables.Add(counts);
        }

        foreach (var counts in tables)
        {
            var table = DisclosureControl.Protect(counts);
            var attacker = new IntervalAttacker();
            int rows = counts.GetLength(0), columns = counts.GetLength(1);
            string Name(int r, int c) => $"{r},{c}";
            for (var r = 0; r <= rows; r++)
            {
                for (var c = 0; c <= columns; c++)
                {
                    attacker.Read(Name(r, c), table.Cell(r, c).Display());
                }
            }

            for (var r = 0; r <= rows; r++)
            {
                attacker.Adds(Enumerable.Range(0, columns).Select(c => Name(r, c)), Name(r, columns));
            }

            for (var c = 0; c <= columns; c++)
            {
                attacker.Adds(Enumerable.Range(0, rows).Select(r => Name(r, c)), Name(rows, c));
            }

            var findings = attacker.Attack(DisclosureAttackTests.ProtectionWidth);
            Assert.True(findings.Count == 0, $"{Describe(counts)}: {string.Join("; ", findings)}");
        }
    }

    private static string Describe(int[,] counts) =>
        string.Join(" / ", Enumerable.Range(0, counts.GetLength(0)).Select(r => string.Join(" ", Enumerable.Range(0, counts.GetLength(1)).Select(c => counts[r, c]))));

    private static void AssertSafe(ProtectedTable table, int[,] counts)
    {
        int rows = counts.GetLength(0), columns = counts.GetLength(1);
        var grand = 0;
        for (var r = 0; r < rows; r++)
        {
            var rowSum = 0;
            for (var c = 0; c < columns; c++)
            {
                Assert.Equal(counts[r, c], table.Cell(r, c).Value);
                rowSum += counts[r, c];
            }

            Assert.Equal(rowSum, table.RowTotal(r).Value);
            grand += rowSum;
        }

        Assert.Equal(grand, table.GrandTotal.Value);
        for (var r = 0; r <= rows; r++)
        {
            var line = Enumerable.Range(0, columns + 1).Select(c => table.Cell(r, c)).ToList();
            AssertLineSafe(line, line.Select(x => x.Value).ToList());
        }

        for (var c = 0; c <= columns; c++)
        {
            var line = Enumerable.Range(0, rows + 1).Select(r => table.Cell(r, c)).ToList();
            AssertLineSafe(line, line.Select(x => x.Value).ToList());
        }
    }

    /// <summary>Small counts hidden, zeros shown, and never exactly one hidden cell on a line.</summary>
    private static void AssertLineSafe(List<ProtectedCount> cells, List<int> values)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            Assert.Equal(values[i], cells[i].Value);
            if (values[i] is >= 1 and <= 4)
            {
                Assert.True(cells[i].IsSuppressed, $"{values[i]} at {i} should be suppressed");
            }

            if (values[i] == 0)
            {
                Assert.False(cells[i].IsSuppressed, "zero stays zero");
            }
        }

        Assert.NotEqual(1, cells.Count(c => c.IsSuppressed));
    }

    private static IEnumerable<int[]> AllVectors(int length, int min, int max)
    {
        if (length == 0)
        {
            yield return [];
            yield break;
        }

        foreach (var rest in AllVectors(length - 1, min, max))
        {
            for (var v = min; v <= max; v++)
            {
                yield return [.. rest, v];
            }
        }
    }
}
