using System.Globalization;

namespace Nolb.Bench.Generate;

/// <summary>
/// What the generator promises the benchmark and the load test: the accounts it makes (one known password, for a
/// synthetic database only) and where to find them.
/// </summary>
public static class BenchWorld
{
    /// <summary>The password of every generated account. The data is synthetic; never load it anywhere real.</summary>
    public const string Password = "Bench-password-2026";

    public const string Glasgow = "S12000049";

    public const string AnalystEmail = "analyst@bench.nolb.scot";

    public static string KeyWorkerEmail(string lepCode, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"keyworker-{number:0000}@{lepCode.ToLowerInvariant()}.bench.nolb.scot");

    public static string ManagerEmail(string lepCode) => $"manager@{lepCode.ToLowerInvariant()}.bench.nolb.scot";

    public static string TeamLeaderEmail(string lepCode) => $"teamleader@{lepCode.ToLowerInvariant()}.bench.nolb.scot";

    public static string EmployerOfficerEmail(string lepCode) => $"employer-officer@{lepCode.ToLowerInvariant()}.bench.nolb.scot";

    /// <summary>Each council area's postcode area, so that matching sees near and far jobs as it would.</summary>
    public static IReadOnlyDictionary<string, string> PostcodeAreas { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["S12000033"] = "AB",
        ["S12000034"] = "AB",
        ["S12000041"] = "DD",
        ["S12000035"] = "PA",
        ["S12000036"] = "EH",
        ["S12000005"] = "FK",
        ["S12000006"] = "DG",
        ["S12000042"] = "DD",
        ["S12000008"] = "KA",
        ["S12000045"] = "G",
        ["S12000010"] = "EH",
        ["S12000011"] = "G",
        ["S12000014"] = "FK",
        ["S12000047"] = "KY",
        ["S12000049"] = "G",
        ["S12000017"] = "IV",
        ["S12000018"] = "PA",
        ["S12000019"] = "EH",
        ["S12000020"] = "IV",
        ["S12000013"] = "HS",
        ["S12000021"] = "KA",
        ["S12000050"] = "ML",
        ["S12000023"] = "KW",
        ["S12000048"] = "PH",
        ["S12000038"] = "PA",
        ["S12000026"] = "TD",
        ["S12000027"] = "ZE",
        ["S12000028"] = "KA",
        ["S12000029"] = "ML",
        ["S12000030"] = "FK",
        ["S12000039"] = "G",
        ["S12000040"] = "EH",
    };

    public sealed record AreaPopulation(string Code, string Name, int Population, string Estimate);

    /// <summary>The council areas' populations the LEPs are sized by (see Reference/README.md for the source).</summary>
    public static IReadOnlyList<AreaPopulation> Populations()
    {
        using var stream = typeof(BenchWorld).Assembly.GetManifestResourceStream("Nolb.Bench.council-area-populations.csv")
            ?? throw new InvalidOperationException("council-area-populations.csv is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1)
            .Select(line => line.Split(','))
            .Select(f => new AreaPopulation(f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture), f[3]))
            .ToList();
    }
}
