using System.Text.Json;
using System.Text.Json.Serialization;
using Nolb.Web.Domain.DeliveryPlans;
using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Features.DeliveryPlans;

/// <summary>
/// The whole plan as a reader sees it: every framework section in order, 1.2 and 1.3 as tables, Annex 2 and 3, and
/// the evidence tables. A draft's is built from the database and live evidence; an approved version's is stored as
/// JSON and never changes. The page, the .docx export and the difference between versions all read this.
/// </summary>
public sealed record PlanSnapshot(
    string Title, PlanKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly? ReviewDate,
    IReadOnlyList<SectionText> Sections, IReadOnlyList<MemberRow> Members, IReadOnlyList<GovernanceRow> Governance,
    IReadOnlyList<RequirementRow> Requirements, IReadOnlyList<AlignmentRow> Alignments,
    IReadOnlyList<EvidenceTable> Evidence, DateTime EvidenceAsAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PlanSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<PlanSnapshot>(json, Json) ?? throw new InvalidOperationException("An empty plan version.");

    public SectionText Section(string key) => Sections.Single(s => s.Key == key);

    public IEnumerable<EvidenceTable> EvidenceFor(string key) => Evidence.Where(e => e.SectionKey == key);

    public decimal TotalBudget => Requirements.Sum(r => r.Budget);

    public int TotalVolumes => Requirements.Sum(r => r.Volumes);
}

public sealed record SectionText(string Key, string Title, string Text, string? Strengths = null, string? Weaknesses = null, string? Opportunities = null, string? Threats = null)
{
    public bool HasSwot => !string.IsNullOrWhiteSpace(Strengths) || !string.IsNullOrWhiteSpace(Weaknesses)
        || !string.IsNullOrWhiteSpace(Opportunities) || !string.IsNullOrWhiteSpace(Threats);
}

public sealed record MemberRow(Guid Id, Guid OrganisationId, string Organisation, string Role, string? Remit);

public sealed record GovernanceRow(Guid Id, string GroupName, GovernanceLinkKind Kind, string? Relationship);

public sealed record RequirementRow(
    Guid Id, int Position, string TargetGroup, string Rationale, IReadOnlyList<string> DeliveryPartners, decimal Budget,
    IReadOnlyList<FundingStream> SourcesOfInvestment, int Volumes, string DeliveryMethod, string OutcomeExpected, IReadOnlyList<PolicyDriver> PolicyDrivers);

public sealed record AlignmentRow(NationalOutcome Outcome, string Contribution);
