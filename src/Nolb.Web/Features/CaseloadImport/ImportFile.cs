using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Nolb.Web.Infrastructure;

namespace Nolb.Web.Features.CaseloadImport;

/// <summary>
/// Reads an uploaded caseload file (CSV or .xlsx) row by row from disk, so a 50,000-row file is never held whole in
/// memory: CSV through CsvHelper's parser, a workbook's first sheet through the Open XML SDK's forward-only reader
/// (only its shared-string table is loaded). Nothing is evaluated: a cell holding a formula is read as the formula's text,
/// and the apostrophe Nolb's own exports put before formula-looking text is taken back off (<see cref="SpreadsheetText"/>).
/// </summary>
public static class ImportFile
{
    public const long MaxBytes = 100L * 1024 * 1024;

    /// <summary>The most a workbook may unpack to: 50,000 rows of the template are about 60 MB of sheet XML.</summary>
    public const long MaxExpandedBytes = 400L * 1024 * 1024;

    public static bool IsWorkbook(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    public static bool IsAccepted(string fileName) => IsWorkbook(fileName) || fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>Copies the upload to <paramref name="path"/>, refusing one past the size limit or a workbook that unpacks too far; null when it is fine.</summary>
    public static async Task<string?> SaveAsync(Stream upload, string fileName, string path, CancellationToken ct)
    {
        await using (var target = File.Create(path))
        {
            var chunk = new byte[81920];
            long total = 0;
            int read;
            while ((read = await upload.ReadAsync(chunk, ct)) > 0)
            {
                total += read;
                if (total > MaxBytes)
                {
                    break;
                }

                await target.WriteAsync(chunk.AsMemory(0, read), ct);
            }

            if (total > MaxBytes)
            {
                target.Close();
                File.Delete(path);
                return BoundedUpload.TooLarge(MaxBytes);
            }
        }

        string? problem = null;
        if (IsWorkbook(fileName))
        {
            await using var saved = File.OpenRead(path);
            problem = BoundedUpload.ArchiveProblem(saved, MaxExpandedBytes);
        }

        problem ??= Headers(path, fileName) switch
        {
            null => "The file could not be read as " + (IsWorkbook(fileName) ? "an Excel workbook (.xlsx)" : "CSV") + ". Save it again from your spreadsheet and upload it",
            { Count: 0 } => "The file has no header row. Put the column names in the first row",
            _ => null,
        };
        if (problem is not null)
        {
            File.Delete(path);
        }

        return problem;
    }

    /// <summary>The first row's cells, trimmed; null when the file cannot be read.</summary>
    public static IReadOnlyList<string>? Headers(string path, string fileName)
    {
        try
        {
            return Read(path, fileName).Select(r => r.Cells.Select(c => c.Trim()).Where(c => c.Length > 0).ToList()).FirstOrDefault() ?? [];
        }
        catch (Exception e) when (e is CsvHelperException || BoundedUpload.IsUnreadableWorkbook(e) || e is IOException)
        {
            return null;
        }
    }

    /// <summary>Every row, the header row first (number 1), as the spreadsheet numbers them; blank rows are skipped.</summary>
    public static IEnumerable<(int Number, string[] Cells)> Read(string path, string fileName) =>
        IsWorkbook(fileName) ? ReadWorkbook(path) : ReadCsv(path);

    private static IEnumerable<(int, string[])> ReadCsv(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, DetectDelimiter = true });
        var number = 0;
        while (parser.Read())
        {
            number++;
            var cells = parser.Record ?? [];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            yield return (number, cells.Select(c => SpreadsheetText.Restore(c) ?? "").ToArray());
        }
    }

    private static IEnumerable<(int, string[])> ReadWorkbook(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("The workbook has no sheets.");
        var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()?.Id?.Value ?? throw new InvalidDataException("The workbook has no sheets.");
        var sheet = (WorksheetPart)workbook.GetPartById(first);
        var shared = SharedStrings(workbook);

        using var reader = OpenXmlReader.Create(sheet);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            // One row at a time: the row element (not the sheet) is loaded, then let go.
            var row = (Row)reader.LoadCurrentElement()!;
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var index = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                while (cells.Count < index)
                {
                    cells.Add("");
                }

                cells.Add(SpreadsheetText.Restore(Text(cell, shared)) ?? "");
            }

            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            yield return ((int)(row.RowIndex?.Value ?? 0), cells.ToArray());
        }
    }

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var list = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
        {
            return list;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                list.Add(reader.LoadCurrentElement()!.InnerText);
            }
        }

        return list;
    }

    /// <summary>A cell's text as typed. A formula is never run: its own text is read (so "=1+1" stays "=1+1", and is refused where a value is wanted).</summary>
    private static string Text(Cell cell, List<string> shared)
    {
        if (cell.CellFormula is { } formula)
        {
            return "=" + formula.Text;
        }

        var value = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count ? shared[i] : "";
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        if (type == CellValues.Boolean)
        {
            return value == "1" ? "TRUE" : "FALSE";
        }

        return value;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return Math.Max(0, index - 1);
    }
}
