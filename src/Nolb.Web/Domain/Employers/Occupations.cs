using System.Globalization;

namespace Nolb.Web.Domain.Employers;

/// <summary>
/// SOC 2020 (Office for National Statistics): the nine major groups, code rules, and the starter list of unit groups
/// Nolb ships in <c>Reference/soc2020.csv</c> — a partial list (occupations people supported by employability services
/// often go into) used until an administrator loads the full ONS list, which <c>OccupationCatalogue</c> then serves.
/// Any four-digit code with a major group of 1–9 is accepted, so a code missing from the list can still be recorded.
/// </summary>
public static class Occupations
{
    public static IReadOnlyList<(string Code, string Title)> MajorGroups { get; } =
    [
        ("1", "Managers, directors and senior officials"),
        ("2", "Professional occupations"),
        ("3", "Associate professional occupations"),
        ("4", "Administrative and secretarial occupations"),
        ("5", "Skilled trades occupations"),
        ("6", "Caring, leisure and other service occupations"),
        ("7", "Sales and customer service occupations"),
        ("8", "Process, plant and machine operatives"),
        ("9", "Elementary occupations"),
    ];

    private static readonly Lazy<IReadOnlyList<(string Code, string Title)>> LoadedUnitGroups = new(Load);

    /// <summary>The starter list shipped with Nolb.</summary>
    public static IReadOnlyList<(string Code, string Title)> UnitGroups => LoadedUnitGroups.Value;

    public static bool IsValidCode(string? code) =>
        code is { } c && c.Trim() is { Length: 4 } t && t.All(char.IsAsciiDigit) && t[0] != '0';

    /// <summary>A job goal is a unit group (four digits) or a whole major group (one digit).</summary>
    public static bool IsValidGoal(string? code) =>
        IsValidCode(code) || (code is { } c && c.Trim() is { Length: 1 } t && t[0] is >= '1' and <= '9');

    public static string? TitleOf(string? code)
    {
        if (code is null)
        {
            return null;
        }

        var unit = UnitGroups.FirstOrDefault(u => u.Code == code).Title;
        return unit ?? MajorGroups.FirstOrDefault(m => m.Code == code).Title;
    }

    public static string Describe(string? code) =>
        code is null ? "not recorded" : TitleOf(code) is { } title ? $"{code} {title}" : code;

    /// <summary>Unit groups whose code starts with, or whose title contains, every word searched for.</summary>
    public static IReadOnlyList<(string Code, string Title)> Search(IReadOnlyList<(string Code, string Title)> unitGroups, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return unitGroups;
        }

        var words = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return unitGroups.Where(u => words.All(w =>
            u.Code.StartsWith(w, StringComparison.Ordinal) || u.Title.Contains(w, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    private static List<(string Code, string Title)> Load()
    {
        using var stream = typeof(Occupations).Assembly.GetManifestResourceStream("Nolb.Web.Reference.soc2020.csv")
            ?? throw new InvalidOperationException("The SOC 2020 list is not embedded in the build.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<Row>().Select(r => (r.Code, r.Title)).ToList();
    }

    private sealed record Row
    {
        [CsvHelper.Configuration.Attributes.Name("code")]
        public required string Code { get; init; }

        [CsvHelper.Configuration.Attributes.Name("title")]
        public required string Title { get; init; }
    }
}
