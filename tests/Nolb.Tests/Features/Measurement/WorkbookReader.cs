using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Nolb.Tests.Features.Measurement;

/// <summary>Reads a workbook back with the Open XML SDK: every sheet's cells by reference, with their type and any formula.</summary>
public static class WorkbookReader
{
    public sealed record CellRead(string Sheet, string Reference, string Text, bool IsNumber, bool HasFormula)
    {
        public decimal Number => decimal.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    public static IReadOnlyList<CellRead> Read(byte[] workbook)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var part = document.WorkbookPart!;
        var cells = new List<CellRead>();
        foreach (var sheet in part.Workbook.Sheets!.Elements<Sheet>())
        {
            var worksheet = (WorksheetPart)part.GetPartById(sheet.Id!.Value!);
            foreach (var cell in worksheet.Worksheet.Descendants<Cell>())
            {
                var isNumber = cell.DataType is null || cell.DataType.Value == CellValues.Number;
                var text = cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? "" : cell.CellValue?.Text ?? "";
                cells.Add(new CellRead(sheet.Name!.Value!, cell.CellReference!.Value!, text, isNumber, cell.CellFormula is not null));
            }
        }

        return cells;
    }

    /// <summary>The header (row 4) of each column of a table sheet, by column letter.</summary>
    public static string ColumnHeading(IReadOnlyList<CellRead> cells, CellRead cell)
    {
        var column = new string(cell.Reference.TakeWhile(char.IsLetter).ToArray());
        return cells.SingleOrDefault(c => c.Sheet == cell.Sheet && c.Reference == column + "4")?.Text ?? "";
    }

    /// <summary>Every count on the table sheets: numbers outside the percentage column.</summary>
    public static IEnumerable<CellRead> Counts(IReadOnlyList<CellRead> cells) =>
        cells.Where(c => c.Sheet.StartsWith("Table ", StringComparison.Ordinal) && c.IsNumber && ColumnHeading(cells, c) != "Percentage");
}
