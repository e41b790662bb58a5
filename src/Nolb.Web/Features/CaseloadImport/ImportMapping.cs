using System.Globalization;
using System.Text.Json;
using Nolb.Web.Domain.CaseloadImport;

namespace Nolb.Web.Features.CaseloadImport;

/// <summary>
/// How a file's columns and values map to Nolb's: which column holds each field, and what each of the LEP's own words
/// (their "Unemployed &lt;6m") means in Nolb's codes. Saved on the run, and offered again for the LEP's next file.
/// </summary>
public sealed class ImportMapping(IReadOnlyList<ImportField> fields, Dictionary<string, string> columns, Dictionary<string, Dictionary<string, string>> values)
{
    public IReadOnlyList<ImportField> Fields { get; } = fields;

    /// <summary>Nolb field → the file's column header.</summary>
    public Dictionary<string, string> Columns { get; } = columns;

    /// <summary>Nolb field → (the file's value, trimmed → Nolb code).</summary>
    public Dictionary<string, Dictionary<string, string>> Values { get; } = values;

    private readonly Dictionary<string, Dictionary<string, string>> known = fields.Where(f => f.IsCoded).ToDictionary(
        f => f.Name,
        f =>
        {
            var codes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (code, label) in f.Codes!)
            {
                codes.TryAdd(ImportFields.Normalise(code), code);
                codes.TryAdd(ImportFields.Normalise(label), code);
            }

            return codes;
        });

    public static ImportMapping From(ImportRun run, IReadOnlyList<ImportField> fields) => new(
        fields,
        JsonSerializer.Deserialize<Dictionary<string, string>>(run.ColumnMapping) ?? [],
        JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(run.ValueMapping) ?? []);

    public string ColumnsJson() => JsonSerializer.Serialize(Columns);

    public string ValuesJson() => JsonSerializer.Serialize(Values);

    /// <summary>
    /// Columns named like Nolb's fields (Nolb's template, or "Date of birth") map themselves; a column mapped last time
    /// keeps its field when the file has it again.
    /// </summary>
    public static Dictionary<string, string> Suggest(IReadOnlyList<ImportField> fields, IReadOnlyList<string> headers, IReadOnlyDictionary<string, string> previous)
    {
        var byName = headers.GroupBy(ImportFields.Normalise).ToDictionary(g => g.Key, g => g.First());
        var suggested = new Dictionary<string, string>();
        foreach (var field in fields)
        {
            if (previous.TryGetValue(field.Name, out var column) && headers.Contains(column))
            {
                suggested[field.Name] = column;
            }
            else if (byName.TryGetValue(ImportFields.Normalise(field.Name), out var same))
            {
                suggested[field.Name] = same;
            }
        }

        return suggested;
    }

    /// <summary>The file's column index of each mapped field, from the header row.</summary>
    public Dictionary<string, int> Indexes(string[] headers)
    {
        var indexes = new Dictionary<string, int>();
        foreach (var (field, column) in Columns)
        {
            var at = Array.FindIndex(headers, h => string.Equals(h.Trim(), column, StringComparison.OrdinalIgnoreCase));
            if (at >= 0)
            {
                indexes[field] = at;
            }
        }

        return indexes;
    }

    /// <summary>Nolb's code for a value, by its code or words in Nolb or by the LEP's mapping; null when unknown.</summary>
    public string? Code(string field, string value)
    {
        var trimmed = value.Trim();
        if (Values.TryGetValue(field, out var mapped) && mapped.TryGetValue(trimmed, out var code) && code.Length > 0)
        {
            return code;
        }

        return known.TryGetValue(field, out var codes) && codes.TryGetValue(ImportFields.Normalise(trimmed), out var known2) ? known2 : null;
    }

    /// <summary>The items of a list field (separated by semicolons or commas).</summary>
    public static IEnumerable<string> Items(string value) =>
        value.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Every value of a coded field in the file that Nolb cannot read yet, at most <paramref name="perField"/> of each.</summary>
    public Dictionary<string, SortedSet<string>> UnknownValues(IEnumerable<(int Number, string[] Cells)> rows, int perField = 100)
    {
        var unknown = new Dictionary<string, SortedSet<string>>();
        string[]? headers = null;
        Dictionary<string, int> indexes = [];
        foreach (var (_, cells) in rows)
        {
            if (headers is null)
            {
                headers = cells;
                indexes = Indexes(cells);
                continue;
            }

            foreach (var field in Fields.Where(f => f.IsCoded && indexes.ContainsKey(f.Name)))
            {
                var raw = indexes[field.Name] < cells.Length ? cells[indexes[field.Name]].Trim() : "";
                foreach (var item in raw.Length == 0 ? [] : field.IsList ? Items(raw) : [raw])
                {
                    if (Code(field.Name, item) is null)
                    {
                        var set = unknown.TryGetValue(field.Name, out var s) ? s : unknown[field.Name] = new SortedSet<string>(StringComparer.Ordinal);
                        if (set.Count < perField)
                        {
                            set.Add(item);
                        }
                    }
                }
            }
        }

        return unknown;
    }

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "d.M.yyyy", "dd/MM/yyyy HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"];

    /// <summary>
    /// A date as UK staff write it (31/03/2025, day first, never the US month-first reading), ISO 8601 (2025-03-31), or the
    /// serial number a workbook stores for a date-formatted cell. Null when it is none of these.
    /// </summary>
    public static DateOnly? Date(string value)
    {
        var text = value.Trim();
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return DateOnly.FromDateTime(date);
        }

        // Excel's serial days (1 = 1 January 1900); a workbook's date cells hold these, shown by their format.
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 80000
            ? DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)))
            : null;
    }
}
