using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Nolb.Web.Features.Measurement.Reference;

/// <summary>
/// Reads a reference-data CSV file: a header row naming the columns (in any order, any case, each with the
/// names it may go by), then one record per row. Every problem is reported with its row and column, in words
/// that say how to put it right.
/// </summary>
public static class ReferenceCsv
{
    /// <summary>A column the file must have, and the header names it may have (the first is the one the page documents).</summary>
    public sealed record Column(string Name, params string[] Aliases)
    {
        public bool Matches(string header) =>
            string.Equals(Clean(header), Clean(Name), StringComparison.Ordinal) || Aliases.Any(a => string.Equals(Clean(header), Clean(a), StringComparison.Ordinal));

        private static string Clean(string header) => new(header.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
    }

    /// <summary>One data row: its number in the file (the header is row 1) and its values by column.</summary>
    public sealed record Record(int Row, IReadOnlyDictionary<string, string> Values)
    {
        public string this[Column column] => Values.GetValueOrDefault(column.Name, "").Trim();

        public string Problem(Column column, string message) =>
            string.Create(CultureInfo.InvariantCulture, $"Row {Row}, column {column.Name}: {message}");
    }

    public sealed record Result(IReadOnlyList<Record> Records, IReadOnlyList<string> Problems);

    /// <summary>At most this many problems are listed; a file with more is almost certainly the wrong file.</summary>
    public const int MaxProblems = 50;

    public static Result Read(Stream stream, IReadOnlyList<Column> columns)
    {
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HeaderValidated = null,
            MissingFieldFound = null,
            BadDataFound = null,
            DetectDelimiter = false,
        });
        var records = new List<Record>();
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
            {
                return new Result([], ["The file is empty. Save the figures as CSV with a header row first"]);
            }

            var positions = new Dictionary<string, int>(StringComparer.Ordinal);
            var missing = new List<string>();
            foreach (var column in columns)
            {
                var index = Array.FindIndex(header, column.Matches);
                if (index < 0)
                {
                    missing.Add(column.Name);
                }
                else
                {
                    positions[column.Name] = index;
                }
            }

            if (missing.Count > 0)
            {
                return new Result([], [$"Row 1: the header has no {string.Join(", ", missing)} column. The first row must name the columns: {string.Join(", ", columns.Select(c => c.Name))}"]);
            }

            while (csv.Read())
            {
                var row = csv.Parser.Row;
                var values = positions.ToDictionary(p => p.Key, p => csv.GetField(p.Value) ?? "", StringComparer.Ordinal);
                if (values.Values.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                records.Add(new Record(row, values));
            }
        }
        catch (CsvHelperException e)
        {
            return new Result([], [string.Create(CultureInfo.InvariantCulture, $"Row {csv.Parser.Row}: the row cannot be read as CSV ({e.Message.Split('\n')[0]}). Check its quotes and commas")]);
        }

        return records.Count == 0
            ? new Result([], ["The file has a header row but no figures under it"])
            : new Result(records, []);
    }
}
