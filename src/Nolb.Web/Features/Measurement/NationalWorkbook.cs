using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Nolb.Web.Features.DeliveryPlans;
using Nolb.Web.Infrastructure;

namespace Nolb.Web.Features.Measurement;

/// <summary>
/// The national tables as a published-style workbook (.xlsx): a cover sheet (title, period, provisional and
/// revision notes, the suppression rule, the source, the contents), one sheet per table and, when the publication
/// revised figures, a Revisions sheet. Counts and percentages are numbers; suppressed cells hold the text
/// <c>[c]</c> (or <c>[low]</c>), never the true count. Every text cell is written as an inline string and
/// neutralised (<see cref="SpreadsheetText.Neutralise"/>), so nothing can be taken for a formula.
/// </summary>
public static class NationalWorkbook
{
    public const string ContentType = Annex2Workbook.ContentType;
    public const string PercentageColumn = "Percentage";
    public const string Source =
        "Nolb: case data recorded by Scotland's Local Employability Partnerships, counted by the Shared Measurement Framework indicator definitions (/api/v1/indicators).";

    /// <summary>What the workbook describes: the tables, and the publication they come from (null for live, unpublished figures).</summary>
    public sealed record Content(NationalStatistics Statistics, PublicationSummary? Publication, IReadOnlyList<Revision> Revisions, DateTime GeneratedAt);

    private const uint TitleStyle = 1;
    private const uint HeaderStyle = 2;
    private const uint CountStyle = 3;
    private const uint PercentStyle = 4;
    private const uint TextStyle = 5;

    public static string FileName(string quarter) => $"nolb-national-tables-{quarter}.xlsx";

    public static byte[] Write(Content content)
    {
        var statistics = content.Statistics;
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            var sheets = new Sheets();
            uint sheetId = 1;
            void AddSheet(string name, SheetData data, params double[] widths)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var columns = new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true }));
                part.Worksheet = new Worksheet(columns, data);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = name });
            }

            var tableSheets = statistics.Tables.Select((t, i) => (Name: $"Table {(i + 1).ToString(CultureInfo.InvariantCulture)}", Table: t)).ToList();
            AddSheet("Cover", Cover(content, tableSheets.Select(t => (t.Name, t.Table.Title)).ToList()), 24, 110);
            foreach (var (name, table) in tableSheets)
            {
                AddSheet(name, Table(table, statistics.Period), [34, .. Enumerable.Repeat(16d, table.Columns.Count + 1)]);
            }

            if (content.Revisions.Count > 0)
            {
                AddSheet("Revisions", Revisions(content.Revisions), 45, 30, 24, 14, 14, 20, 20);
            }

            workbook.Workbook.AppendChild(sheets);
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static SheetData Cover(Content content, IReadOnlyList<(string Sheet, string Title)> contents)
    {
        var s = content.Statistics;
        var culture = CultureInfo.GetCultureInfo("en-GB");
        string When(DateTime utc) => Infrastructure.UkTime.Format(utc);
        var status = s.Period.Provisional
            ? "Provisional. The latest two quarters are provisional: starts are recorded late while eligibility is checked, so these figures are likely to be revised."
            : "Not provisional. Figures can still be revised if late records change them.";
        var published = content.Publication is { } p
            ? $"Publication {p.Number.ToString(CultureInfo.InvariantCulture)} of this quarter, published {When(p.PublishedAt)} by {p.PublishedBy}."
            : $"Not published: live figures produced {When(content.GeneratedAt)}. Publish the quarter to fix them.";
        var revised = content.Revisions.Count == 0
            ? content.Publication is { Number: > 1 } ? "No figure changed since the previous publication." : "None: this is the first publication of the quarter."
            : string.Create(CultureInfo.InvariantCulture, $"{content.Revisions.Count} {(content.Revisions.Count == 1 ? "figure was" : "figures were")} revised since publication {content.Revisions[0].PreviousNumber} of {When(content.Revisions[0].PreviousPublishedAt)}; they are listed on the Revisions sheet.");
        var rows = new List<(string Key, string Value)>
        {
            ("Period", $"{s.Period.Label} ({s.Period.Description}, {s.Period.From.ToString("d MMMM yyyy", culture)} to {s.Period.To.ToString("d MMMM yyyy", culture)})"),
            ("Status", status),
            ("Published", published),
            ("Revisions", revised),
            ("Disclosure control", s.DisclosureRule),
            ("Symbols", "[c] a figure suppressed to protect confidentiality; [x] a figure withheld where suppression could not protect it, which may be 0; [low] a percentage not shown because the number it is out of is under 20."),
            ("Source", Source),
        };
        var data = new SheetData();
        data.Append(new Row(TextCell("A1", $"No One Left Behind: national tables, {s.Period.Description}", TitleStyle)) { RowIndex = 1 });
        uint r = 3;
        foreach (var (key, value) in rows)
        {
            data.Append(new Row(TextCell(Ref(0, r), key, HeaderStyle), TextCell(Ref(1, r), value, TextStyle)) { RowIndex = r });
            r++;
        }

        r++;
        data.Append(new Row(TextCell(Ref(0, r), "Contents", HeaderStyle)) { RowIndex = r++ });
        foreach (var (sheet, title) in contents)
        {
            data.Append(new Row(TextCell(Ref(0, r), sheet, TextStyle), TextCell(Ref(1, r), title, TextStyle)) { RowIndex = r++ });
        }

        if (content.Revisions.Count > 0)
        {
            data.Append(new Row(TextCell(Ref(0, r), "Revisions", TextStyle), TextCell(Ref(1, r), "Figures changed since the previous publication", TextStyle)) { RowIndex = r });
        }

        return data;
    }

    private static SheetData Table(NationalTable table, PeriodDto period)
    {
        var isRate = table.Scotland.Percentage is not null;
        var data = new SheetData();
        data.Append(new Row(TextCell("A1", table.Title, TitleStyle)) { RowIndex = 1 });
        data.Append(new Row(TextCell("A2", $"{period.Label}: {period.Description}{(period.Provisional ? " (provisional)" : "")}", TextStyle)) { RowIndex = 2 });
        var headings = new List<string> { "LEP" };
        headings.AddRange(table.Columns);
        headings.Add(isRate ? PercentageColumn : "Total");
        data.Append(new Row(headings.Select((h, i) => TextCell(Ref(i, 4), h, HeaderStyle))) { RowIndex = 4 });
        uint r = 5;
        foreach (var row in table.Rows.Append(table.Scotland))
        {
            var cells = new List<Cell> { TextCell(Ref(0, r), row.Label, row == table.Scotland ? HeaderStyle : TextStyle) };
            cells.AddRange(row.Cells.Select((c, i) => FigureCell(Ref(i + 1, r), c)));
            var last = Ref(table.Columns.Count + 1, r);
            cells.Add(isRate ? PercentCell(last, row.Percentage!) : FigureCell(last, row.Total));
            data.Append(new Row(cells) { RowIndex = r++ });
        }

        return data;
    }

    private static SheetData Revisions(IReadOnlyList<Revision> revisions)
    {
        var data = new SheetData();
        string[] headings = ["Table", "Row", "Column", "Previous value", "New value", "Previously published", "Revised"];
        data.Append(new Row(headings.Select((h, i) => TextCell(Ref(i, 1), h, HeaderStyle))) { RowIndex = 1 });
        uint r = 2;
        foreach (var v in revisions)
        {
            data.Append(new Row(
                TextCell(Ref(0, r), v.Table, TextStyle), TextCell(Ref(1, r), v.Row, TextStyle), TextCell(Ref(2, r), v.Column, TextStyle),
                TextCell(Ref(3, r), v.Previous, TextStyle), TextCell(Ref(4, r), v.Current, TextStyle),
                TextCell(Ref(5, r), Infrastructure.UkTime.Format(v.PreviousPublishedAt), TextStyle), TextCell(Ref(6, r), Infrastructure.UkTime.Format(v.CurrentPublishedAt), TextStyle))
            { RowIndex = r++ });
        }

        return data;
    }

    /// <summary>A count: the number when it is published, its symbol ([c]) as text when it is not.</summary>
    private static Cell FigureCell(string reference, TableCell cell) =>
        cell.Value is { } value
            ? new Cell(new CellValue(value.ToString(CultureInfo.InvariantCulture))) { CellReference = reference, DataType = CellValues.Number, StyleIndex = CountStyle }
            : TextCell(reference, cell.Display, TextStyle);

    /// <summary>A percentage such as "45.0%" as the number 45.0; "[c]" and "[low]" as text.</summary>
    private static Cell PercentCell(string reference, string display) =>
        decimal.TryParse(display.TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && display.EndsWith('%')
            ? new Cell(new CellValue(value.ToString(CultureInfo.InvariantCulture))) { CellReference = reference, DataType = CellValues.Number, StyleIndex = PercentStyle }
            : TextCell(reference, display, TextStyle);

    private static Cell TextCell(string reference, string text, uint style) =>
        new(new InlineString(new Text(SpreadsheetText.Cell(text)) { Space = SpaceProcessingModeValues.Preserve }))
        { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style };

    private static string Ref(int column, uint row) =>
        (column < 26 ? ((char)('A' + column)).ToString() : $"{(char)('A' + (column / 26) - 1)}{(char)('A' + (column % 26))}") + row.ToString(CultureInfo.InvariantCulture);

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Arial" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Arial" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Arial" }))
        { Count = 3 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat { FontId = 0 },
            new CellFormat { FontId = 2, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 1, ApplyFont = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 3, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true })
        { Count = 6 });
}
