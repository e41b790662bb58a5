using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nolb.Web.Domain.Measurement;

/// <summary>
/// One Shared Measurement Framework indicator as data (Reference/indicators.json): what it counts, over which
/// period, and how it may be broken down. <see cref="IndicatorEngine"/> computes every one of them.
/// </summary>
public sealed record IndicatorDefinition(
    string Code,
    string Name,
    Theme Theme,
    Measure Measure,
    string Definition,
    string Numerator,
    string? Denominator,
    string PeriodRule,
    IReadOnlyList<string> Breakdowns,
    string? Category = null,
    int? SustainmentWeeks = null,
    IndicatorStatus Status = IndicatorStatus.Live,
    string? PendingReason = null)
{
    public bool IsLive => Status == IndicatorStatus.Live;
}

/// <summary>The five themes of the Shared Measurement Framework, in its order.</summary>
public enum Theme
{
    Reach,
    Progression,
    Skills,
    Experience,
    Value,
}

public enum Measure
{
    /// <summary>How many.</summary>
    Count,

    /// <summary>A numerator as a percentage of a denominator.</summary>
    Rate,

    /// <summary>An average of a value per unit (days, change in score).</summary>
    Mean,
}

public enum IndicatorStatus
{
    Live,

    /// <summary>Defined, but the data it needs is not in Nolb yet.</summary>
    Pending,
}

public sealed record IndicatorCatalogue(string Source, IReadOnlyList<IndicatorDefinition> Indicators)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public IndicatorDefinition? Find(string code) =>
        Indicators.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The catalogue shipped in the assembly (Reference/indicators.json).</summary>
    public static IndicatorCatalogue LoadEmbedded()
    {
        using var stream = typeof(IndicatorCatalogue).Assembly.GetManifestResourceStream("Nolb.Web.Reference.indicators.json")
            ?? throw new InvalidOperationException("Reference/indicators.json is not embedded in the assembly.");
        return JsonSerializer.Deserialize<IndicatorCatalogue>(stream, Json)
            ?? throw new InvalidOperationException("Reference/indicators.json is empty.");
    }
}
