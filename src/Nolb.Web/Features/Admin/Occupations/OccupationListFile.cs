using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Nolb.Web.Domain.Employers;

namespace Nolb.Web.Features.Admin.Occupations;

/// <summary>
/// Reads the SOC 2020 unit groups from the ONS workbook "SOC 2020 Volume 1: structure and descriptions of unit
/// groups" (sheet "SOC2020 descriptions", with the columns "SOC 2020 Unit Group" and "SOC 2020 Group Title"; rows of
/// the higher groups leave the unit group blank or "&lt;blank&gt;") or from a CSV file with the columns code and title.
/// Every problem is reported with its row; a file with any problem yields no unit groups.
/// </summary>
public static partial class OccupationListFile
{
    public const string OnsSheet = "SOC2020 descriptions";
    public const string UnitGroupHeading = "SOC 2020 Unit Group";
    public const string TitleHeading = "SOC 2020 Group Title";
    private const int MaxProblems = 25;

    public sealed record ReadResult(IReadOnlyList<OccupationUnitGroup> UnitGroups, IReadOnlyList<string> Problems);

    public static ReadResult Read(Stream file, string fileName)
    {
        var isWorkbook = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
        var rows = isWorkbook ? WorkbookRows(file) : CsvRows(file);
        return rows.Problem is { } problem ? new ReadResult([], [problem]) : Check(rows.Rows);
    }

    /// <summary>The (row number, unit group, title) triples of the file, or why it could not be read at all.</summary>
    private sealed record FileRows(IReadOnlyList<(int Row, string Code, string Title)> Rows, string? Problem);

    private static FileRows WorkbookRows(Stream file)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(file, false);
            return WorkbookRows(document);
        }
        catch (Exception e) when (Infrastructure.BoundedUpload.IsUnreadableWorkbook(e))
        {
            return new FileRows([], "The file is not an Excel workbook (.xlsx) that can be read. Load the ONS workbook as it was downloaded, or a CSV file with the columns code and title");
        }
    }

    private static FileRows WorkbookRows(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart;
        var sheets = workbook?.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
        var sheet = sheets.FirstOrDefault(s => string.Equals(s.Name?.Value, OnsSheet, StringComparison.OrdinalIgnoreCase)) ?? sheets.FirstOrDefault();
        if (workbook is null || sheet?.Id?.Value is not { } sheetId)
        {
            return new FileRows([], "The workbook has no sheets");
        }

        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var sheetRows = ((WorksheetPart)workbook.GetPartById(sheetId)).Worksheet.Descendants<Row>().ToList();
        int? unitColumn = null, titleColumn = null;
        uint headerRow = 0;
        foreach (var row in sheetRows.Take(10))
        {
            var cells = CellTexts(row, shared);
            unitColumn = ColumnHeaded(cells, UnitGroupHeading);
            titleColumn = ColumnHeaded(cells, TitleHeading);
            if (unitColumn is not null && titleColumn is not null)
            {
                headerRow = row.RowIndex?.Value ?? 0;
                break;
            }
        }

        if (unitColumn is null || titleColumn is null)
        {
            return new FileRows([], $"The sheet \"{sheet.Name?.Value}\" has no heading row with the columns \"{UnitGroupHeading}\" and \"{TitleHeading}\" in its first ten rows. Load the ONS workbook as it was downloaded");
        }

        var found = new List<(int, string, string)>();
        foreach (var row in sheetRows.Where(r => (r.RowIndex?.Value ?? 0) > headerRow))
        {
            var cells = CellTexts(row, shared);
            var code = cells.GetValueOrDefault(unitColumn.Value)?.Trim() ?? "";
            if (code.Length == 0 || code == "<blank>")
            {
                continue;
            }

            found.Add(((int)(row.RowIndex?.Value ?? 0), code, cells.GetValueOrDefault(titleColumn.Value)?.Trim() ?? ""));
        }

        return new FileRows(found, null);
    }

    private static FileRows CsvRows(Stream file)
    {
        using var reader = new StreamReader(file);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant() });
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header
                || !header.Any(h => h.Trim().Equals("code", StringComparison.OrdinalIgnoreCase))
                || !header.Any(h => h.Trim().Equals("title", StringComparison.OrdinalIgnoreCase)))
            {
                return new FileRows([], "The CSV file needs a heading row with the columns code and title");
            }

            var found = new List<(int, string, string)>();
            while (csv.Read())
            {
                found.Add((csv.Parser.Row, csv.GetField("code")?.Trim() ?? "", csv.GetField("title")?.Trim() ?? ""));
            }

            return new FileRows(found, null);
        }
        catch (CsvHelperException)
        {
            return new FileRows([], "The file is not a readable CSV file. Save it as CSV (comma separated) with the columns code and title");
        }
    }

    private static ReadResult Check(IReadOnlyList<(int Row, string Code, string Title)> rows)
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (row, code, title) in rows)
        {
            if (!Domain.Employers.Occupations.IsValidCode(code))
            {
                problems.Add($"Row {row}: \"{Clip(code)}\" is not a SOC 2020 unit group — use a four-digit code such as 6135");
            }
            else if (!seen.Add(code))
            {
                problems.Add($"Row {row}: unit group {code} appears more than once");
            }

            if (title.Length == 0)
            {
                problems.Add($"Row {row}: the title of unit group {Clip(code)} is missing");
            }
            else if (title.Length > OccupationUnitGroup.TitleLength)
            {
                problems.Add($"Row {row}: the title of unit group {Clip(code)} is longer than {OccupationUnitGroup.TitleLength} characters");
            }
        }

        if (rows.Count == 0)
        {
            problems.Add("The file has no SOC 2020 unit groups in it");
        }

        return problems.Count > 0
            ? new ReadResult([], problems.Count > MaxProblems ? [.. problems.Take(MaxProblems), $"… and {problems.Count - MaxProblems} more problems"] : problems)
            : new ReadResult(rows.Select(r => new OccupationUnitGroup { Code = r.Code, Title = r.Title }).ToList(), []);
    }

    private static int? ColumnHeaded(Dictionary<int, string> cells, string heading) =>
        cells.Where(c => Heading(c.Value) == Heading(heading)).Select(c => (int?)c.Key).FirstOrDefault();

    private static string Clip(string text) => text.Length > 20 ? text[..20] + "…" : text;

    /// <summary>ONS headings break lines and double spaces ("SOC\n2020 \nGroup Title"); compare them with whitespace collapsed.</summary>
    private static string Heading(string? text) => Whitespace().Replace(text ?? "", " ").Trim().ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private static Dictionary<int, string> CellTexts(Row row, List<string> shared)
    {
        var cells = new Dictionary<int, string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var letters = new string((cell.CellReference?.Value ?? "").TakeWhile(char.IsLetter).ToArray());
            if (letters.Length is 0 or > 2)
            {
                continue;
            }

            var column = letters.Aggregate(0, (n, c) => (n * 26) + (char.ToUpperInvariant(c) - 'A' + 1)) - 1;
            cells[column] = cell.DataType?.Value switch
            {
                var t when t == CellValues.SharedString => int.TryParse(cell.CellValue?.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : "",
                var t when t == CellValues.InlineString => cell.InlineString?.InnerText ?? "",
                _ => cell.CellValue?.Text ?? "",
            };
        }

        return cells;
    }
}
