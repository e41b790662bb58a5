using System.Text.Json;
using Nolb.Web.Domain.DeliveryPlans;

namespace Nolb.Web.Features.DeliveryPlans;

/// <summary>
/// The national Delivery Plan Framework (seed 000), read from Reference/delivery-plan-framework.json: its six parts,
/// the sections 1.1–6.5 with the framework's own guidance, the Annex 2 columns, the policy drivers and the
/// National Performance Framework text of Annex 3.
/// </summary>
public sealed class PlanFramework
{
    public sealed record Section(string Key, string Title, string Guidance);

    public sealed record Part(int Number, string Title, IReadOnlyList<Section> Sections);

    public sealed record NationalOutcomeText(string Outcome, string Contribution);

    private sealed record Document(string Source, IReadOnlyList<Part> Parts, IReadOnlyList<string> Annex2Columns, IReadOnlyList<string> PolicyDrivers,
        IReadOnlyList<NationalOutcomeText> NationalOutcomes);

    /// <summary>The sections whose editors offer live tables from Nolb's data (frozen when the plan is approved).</summary>
    public static readonly IReadOnlySet<string> EvidenceSections = new HashSet<string>(["1.5", "3.3", "4.1", "6.2", "6.3"], StringComparer.Ordinal);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static PlanFramework Current { get; } = Load();

    public string Source { get; }
    public IReadOnlyList<Part> Parts { get; }
    public IReadOnlyList<Section> Sections { get; }
    public IReadOnlyList<string> Annex2Columns { get; }

    private readonly IReadOnlyList<string> policyDrivers;
    private readonly IReadOnlyList<NationalOutcomeText> nationalOutcomes;

    private PlanFramework(Document document)
    {
        Source = document.Source;
        Parts = document.Parts;
        Sections = document.Parts.SelectMany(p => p.Sections).ToList();
        Annex2Columns = document.Annex2Columns;
        policyDrivers = document.PolicyDrivers;
        nationalOutcomes = document.NationalOutcomes;
    }

    public Section? Find(string? key) => Sections.SingleOrDefault(s => s.Key == key);

    /// <summary>The framework's own words for a policy driver (its list is in the order of <see cref="PolicyDriver"/>).</summary>
    public string Label(PolicyDriver driver) => policyDrivers[(int)driver];

    public string Title(NationalOutcome outcome) => nationalOutcomes[(int)outcome].Outcome;

    /// <summary>Seed 000's national text for an outcome: the starting point of the LEP's own contribution.</summary>
    public string NationalText(NationalOutcome outcome) => nationalOutcomes[(int)outcome].Contribution;

    private static PlanFramework Load()
    {
        using var stream = typeof(PlanFramework).Assembly.GetManifestResourceStream("Nolb.Web.Reference.delivery-plan-framework.json")
            ?? throw new InvalidOperationException("The delivery plan framework is not embedded.");
        var document = JsonSerializer.Deserialize<Document>(stream, Json)
            ?? throw new InvalidOperationException("The delivery plan framework is empty.");
        if (document.PolicyDrivers.Count != Enum.GetValues<PolicyDriver>().Length || document.NationalOutcomes.Count != Enum.GetValues<NationalOutcome>().Length)
        {
            throw new InvalidOperationException("The delivery plan framework's policy drivers or national outcomes do not match the code.");
        }

        return new PlanFramework(document);
    }
}
