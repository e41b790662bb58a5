using Nolb.Web.Domain.BetterOffInWork;

namespace Nolb.Web.Features.BetterOffInWork;

/// <summary>
/// The rate tables shipped as embedded JSON (Reference/better-off/*.json), loaded and validated once at start-up:
/// a broken or incomplete table stops the app rather than giving a wrong answer later.
/// </summary>
public sealed class RateTableCatalog
{
    private readonly Dictionary<string, RateTable> tables;
    private readonly TimeProvider clock;

    public RateTableCatalog(IEnumerable<RateTable> tables, TimeProvider clock)
    {
        this.tables = tables.ToDictionary(t => t.TaxYear, StringComparer.Ordinal);
        this.clock = clock;
        if (this.tables.Count == 0)
        {
            throw new InvalidDataException("No Better Off In Work rate tables were found.");
        }
    }

    public IReadOnlyList<string> TaxYears => tables.Keys.Order(StringComparer.Ordinal).ToList();

    public RateTable? Find(string? taxYear) => taxYear is not null && tables.TryGetValue(taxYear, out var table) ? table : null;

    /// <summary>The table covering today (UK date); otherwise the latest one.</summary>
    public RateTable Current
    {
        get
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            return tables.Values.FirstOrDefault(t => t.Covers(today)) ?? tables.Values.MaxBy(t => t.StartsOn)!;
        }
    }

    public static RateTableCatalog LoadEmbedded(TimeProvider clock)
    {
        var assembly = typeof(RateTableCatalog).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Reference.better_off.", StringComparison.Ordinal) || n.Contains(".Reference.better-off.", StringComparison.Ordinal))
            .Where(n => n.EndsWith(".json", StringComparison.Ordinal));
        var tables = new List<RateTable>();
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            tables.Add(RateTable.Parse(reader.ReadToEnd(), name));
        }

        return new RateTableCatalog(tables, clock);
    }
}
