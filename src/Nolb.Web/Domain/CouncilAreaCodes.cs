namespace Nolb.Web.Domain;

/// <summary>
/// GSS codes for council areas. Older data still carries codes retired in 2018–2019; they are
/// accepted as aliases of the current code (source: mysociety/uk_local_authority_names_and_codes,
/// data/lookup_gss_to_registry.csv).
/// </summary>
public static class CouncilAreaCodes
{
    private static readonly Dictionary<string, string> RetiredToCurrent = new(StringComparer.OrdinalIgnoreCase)
    {
        ["S12000015"] = "S12000047", // Fife
        ["S12000024"] = "S12000048", // Perth and Kinross
        ["S12000043"] = "S12000049", // Glasgow City
        ["S12000046"] = "S12000049", // Glasgow City
        ["S12000044"] = "S12000050", // North Lanarkshire
        ["S12000009"] = "S12000045", // East Dunbartonshire
    };

    /// <summary>The current code for a code that may be retired; upper-cased and trimmed.</summary>
    public static string Normalise(string code)
    {
        var trimmed = code.Trim().ToUpperInvariant();
        return RetiredToCurrent.TryGetValue(trimmed, out var current) ? current : trimmed;
    }

    public static bool LooksValid(string code) =>
        code.Length == 9 && code.StartsWith("S12", StringComparison.OrdinalIgnoreCase) && code[3..].All(char.IsAsciiDigit);
}
