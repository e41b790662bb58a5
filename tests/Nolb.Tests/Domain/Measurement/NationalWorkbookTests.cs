using Nolb.Tests.Features.Measurement;
using Nolb.Web.Features.Measurement;

namespace Nolb.Tests.Domain.Measurement;

/// <summary>The national workbook written from hand-built tables and read back with the Open XML SDK.</summary>
public sealed class NationalWorkbookTests
{
    private static readonly PeriodDto Period = new("2025-Q3", "July to September 2025", new DateOnly(2025, 7, 1), new DateOnly(2025, 9, 30), Provisional: true);

    private static NationalStatistics Tables()
    {
        var counts = new NationalTable("Starts by LEP and sex", "starts", "Sex", ["Female", "=Male"],
        [
            new TableRow("=HYPERLINK(\"http://example.org\")", [new TableCell(null, "[c]"), new TableCell(12, "12")], new TableCell(null, "[c]")),
            new TableRow("Fife", [new TableCell(0, "0"), new TableCell(null, "[c]")], new TableCell(null, "[c]")),
        ], new TableRow("Scotland", [new TableCell(null, "[c]"), new TableCell(null, "[c]")], new TableCell(15, "15")));
        var rates = new NationalTable("Sustained in work at 3 months by LEP", "sustained-3-months", "Figure", ["Sustained", "Due a check"],
        [
            new TableRow("+Glasgow", [new TableCell(9, "9"), new TableCell(20, "20")], new TableCell(20, "20"), "45.0%"),
            new TableRow("@Fife", [new TableCell(0, "0"), new TableCell(6, "6")], new TableCell(6, "6"), "[low]"),
        ], new TableRow("Scotland", [new TableCell(9, "9"), new TableCell(26, "26")], new TableCell(26, "26"), "34.6%"));
        return new NationalStatistics(Period, "Counts of 1 to 4 are shown as [c].", [counts, rates]);
    }

    private static IReadOnlyList<WorkbookReader.CellRead> Written(IReadOnlyList<Revision>? revisions = null) =>
        WorkbookReader.Read(NationalWorkbook.Write(new NationalWorkbook.Content(
            Tables(), new PublicationSummary("2025-Q3", 2, new DateTime(2025, 11, 3, 10, 0, 0, DateTimeKind.Utc), "Ailsa Analyst", true, revisions?.Count ?? 0),
            revisions ?? Array.Empty<Revision>(), DateTime.UtcNow)));

    [Fact]
    public void The_cover_gives_title_period_status_rule_and_source_and_each_table_has_a_sheet()
    {
        var cells = Written();

        Assert.Equal(["Cover", "Table 1", "Table 2"], cells.Select(c => c.Sheet).Distinct());
        var cover = cells.Where(c => c.Sheet == "Cover").ToList();
        Assert.Equal("No One Left Behind: national tables, July to September 2025", cover.Single(c => c.Reference == "A1").Text);
        string Value(string key) => cover.Single(c => c.Reference == "B" + cover.Single(k => k.Text == key && k.Reference.StartsWith('A')).Reference[1..]).Text;
        Assert.StartsWith("2025-Q3", Value("Period"));
        Assert.StartsWith("Provisional", Value("Status"));
        Assert.Contains("Ailsa Analyst", Value("Published"));
        Assert.Equal("Counts of 1 to 4 are shown as [c].", Value("Disclosure control"));
        Assert.Equal(NationalWorkbook.Source, Value("Source"));
        Assert.Equal("Starts by LEP and sex", cells.Single(c => c.Sheet == "Table 1" && c.Reference == "A1").Text);
    }

    [Fact]
    public void Counts_are_numbers_suppressed_cells_say_c_and_no_count_is_1_to_4()
    {
        var cells = Written();

        var counts = WorkbookReader.Counts(cells).ToList();
        Assert.Contains(counts, c => c.Reference == "C5" && c.Sheet == "Table 1" && c.Number == 12);
        Assert.All(counts, c => Assert.True(c.Number == 0 || c.Number >= 5, $"{c.Sheet}!{c.Reference} holds {c.Text}"));
        Assert.Equal("[c]", cells.Single(c => c.Sheet == "Table 1" && c.Reference == "B5").Text);
        Assert.False(cells.Single(c => c.Sheet == "Table 1" && c.Reference == "B5").IsNumber);
        var percentage = cells.Single(c => c.Sheet == "Table 2" && c.Reference == "D5");
        Assert.True(percentage.IsNumber);
        Assert.Equal(45.0m, percentage.Number);
        Assert.Equal("[low]", cells.Single(c => c.Sheet == "Table 2" && c.Reference == "D6").Text);
    }

    [Fact]
    public void Text_that_looks_like_a_formula_is_neutralised()
    {
        var cells = Written();

        Assert.DoesNotContain(cells, c => c.HasFormula);
        Assert.DoesNotContain(cells, c => !c.IsNumber && c.Text.Length > 0 && c.Text[0] is '=' or '+' or '-' or '@');
        Assert.Equal("'=HYPERLINK(\"http://example.org\")", cells.Single(c => c.Sheet == "Table 1" && c.Reference == "A5").Text);
        Assert.Equal("'=Male", cells.Single(c => c.Sheet == "Table 1" && c.Reference == "C4").Text);
        Assert.Equal("'+Glasgow", cells.Single(c => c.Sheet == "Table 2" && c.Reference == "A5").Text);
    }

    [Fact]
    public void Revised_figures_are_listed_on_a_revisions_sheet_and_noted_on_the_cover()
    {
        var at = new DateTime(2025, 10, 6, 9, 0, 0, DateTimeKind.Utc);
        var cells = Written([new Revision("Starts by LEP and sex", "Fife", "Total", "[c]", "6", 1, at, 2, at.AddDays(28))]);

        Assert.Contains("Revisions", cells.Select(c => c.Sheet));
        Assert.Equal(["Starts by LEP and sex", "Fife", "Total", "[c]", "6"], cells.Where(c => c.Sheet == "Revisions" && c.Reference.EndsWith('2')).Take(5).Select(c => c.Text));
        Assert.Contains(cells, c => c.Sheet == "Cover" && c.Text.StartsWith("1 figure was revised since publication 1", StringComparison.Ordinal));
    }
}
