using System.Globalization;
using Nolb.Web.Domain.CaseloadImport;
using Nolb.Web.Domain.Interventions;
using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Features.Employers;
using Nolb.Web.Features.Interventions;
using Nolb.Web.Features.Participants;
using K = Nolb.Web.Domain.CaseloadImport.ImportRecordKind;

namespace Nolb.Web.Features.CaseloadImport;

/// <summary>A Nolb field a column of the LEP's file can be mapped to; coded fields list Nolb's codes (and the words each is shown with).</summary>
public sealed record ImportField(string Name, string Help, ImportRecordKind[] Kinds, IReadOnlyList<(string Code, string Label)>? Codes = null, bool IsList = false)
{
    public bool IsCoded => Codes is not null;
}

/// <summary>
/// Nolb's fields for a caseload import, in the order of Nolb's own template. A field many kinds share (StartDate) means
/// the start of whatever the row is. Interventions' types are the catalogue's, so their codes are read from the database.
/// </summary>
public static class ImportFields
{
    public const string RecordType = nameof(RecordType);
    public const string PersonRef = nameof(PersonRef);
    public const string EngagementRef = nameof(EngagementRef);
    public const string RecordRef = nameof(RecordRef);
    public const string InterventionType = nameof(InterventionType);

    private static readonly ImportRecordKind[] All = [K.Person, K.Engagement, K.Stage, K.Intervention, K.Outcome];

    private static List<(string, string)> Codes<T>(Func<T, string> label) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => (v.ToString(), label(v))).ToList();

    private static readonly string[] CircumstanceNames = typeof(LifeCircumstances).GetProperties()
        .Where(p => p.PropertyType == typeof(bool) && p.CanWrite).Select(p => p.Name).ToArray();

    /// <summary>Every field but the intervention type, whose codes come from the catalogue (<see cref="WithCatalogue"/>).</summary>
    public static IReadOnlyList<ImportField> Fixed { get; } =
    [
        new(RecordType, "What the row is: Person, Engagement, Stage, Intervention or Outcome. Not needed in a file of one kind.", All, Codes<ImportRecordKind>(k => k.ToString())),
        new(PersonRef, "Your system's reference for the person. Every row about the person carries it.", [K.Person, K.Engagement]),
        new(EngagementRef, "Your reference for the period of support. Stages, interventions and outcomes carry it.", [K.Engagement, K.Stage, K.Intervention, K.Outcome]),
        new(RecordRef, "Your reference for the intervention or outcome.", [K.Intervention, K.Outcome]),
        new("GivenName", "First name.", [K.Person]),
        new("FamilyName", "Last name.", [K.Person]),
        new("PreferredName", "The name the person likes to be called, if different.", [K.Person]),
        new("DateOfBirth", "Date of birth, like 31/03/1990 or 1990-03-31.", [K.Person]),
        new("NationalInsuranceNumber", "Like QQ 12 34 56 C.", [K.Person]),
        new("Postcode", "", [K.Person]),
        new("AddressLine", "", [K.Person]),
        new("Email", "", [K.Person]),
        new("Phone", "", [K.Person]),
        new("PreferredContact", "How the person wants to be contacted.", [K.Person], Codes<ContactMethod>(m => m.Label())),
        new("EmploymentStatus", "Employment status when support started.", [K.Person], Codes<EmploymentStatus>(s => s.Label())),
        new("Benefits", "Benefits when support started, separated by semicolons.", [K.Person], Codes<Benefit>(b => b.Label()), IsList: true),
        new("HighestScqfLevel", "SCQF level 0 to 12 of the highest qualification; empty for none or not known.", [K.Person]),
        new("Sex", "Equality monitoring (Scotland's Census 2022). Empty when not asked.", [K.Person], Codes<Sex>(s => s.Label())),
        new("TransStatus", "Trans or with a trans history.", [K.Person], Codes<TransStatus>(s => s.Label())),
        new("Ethnicity", "", [K.Person], Codes<Ethnicity>(e => e.Label())),
        new("Disabled", "", [K.Person], Codes<YesNo>(a => a.Label())),
        new("LongTermHealthCondition", "", [K.Person], Codes<YesNo>(a => a.Label())),
        new("Religion", "", [K.Person], Codes<Religion>(r => r.Label())),
        new("SexualOrientation", "", [K.Person], Codes<SexualOrientation>(o => o.Label())),
        new("Circumstances", "Life circumstances that apply, separated by semicolons.", [K.Person], CircumstanceNames.Select(n => (n, n)).ToList(), IsList: true),
        new("StartDate", "When the engagement, intervention or outcome started, or the date of the stage move.", [K.Engagement, K.Stage, K.Intervention, K.Outcome]),
        new("EndDate", "When the engagement or intervention ended; empty while it goes on.", [K.Engagement, K.Intervention]),
        new("ReferralSource", "Who referred the person.", [K.Engagement], Codes<ReferralSource>(s => s.Label())),
        new("FundingStreams", "Funding streams, separated by semicolons.", [K.Engagement], Codes<FundingStream>(f => f.Label()), IsList: true),
        new("KeyWorkerEmail", "The Nolb account email of the key worker or team leader (of your LEP) who has the case.", [K.Engagement]),
        new("LeavingReason", "Why the person left, when the engagement has an end date.", [K.Engagement], Codes<LeavingReason>(r => r.Label())),
        new("Stage", "The pipeline stage, 1 to 5.", [K.Stage], Enum.GetValues<PipelineStage>().Select(s => (((int)s).ToString(CultureInfo.InvariantCulture), s.Label())).ToList()),
        new("Reason", "Why the person moved to the stage; empty reads as \"Recorded before the LEP used Nolb\".", [K.Stage]),
        new("DeliveredBy", "Your own team or a partner organisation.", [K.Intervention], Codes<DeliveredBy>(InterventionLabels.Label)),
        new("PartnerOrganisation", "The partner organisation's name as it is in Nolb, when a partner delivered it.", [K.Intervention]),
        new("Hours", "Hours of support.", [K.Intervention]),
        new("InterventionOutcome", "How the intervention ended.", [K.Intervention], Codes<InterventionOutcome>(InterventionLabels.Label)),
        new("QualificationTitle", "A qualification the intervention led to.", [K.Intervention]),
        new("QualificationScqfLevel", "Its SCQF level, 1 to 12.", [K.Intervention]),
        new("QualificationAwardingBody", "Its awarding body, like SQA.", [K.Intervention]),
        new("OutcomeKind", "What the person moved on to.", [K.Outcome], Codes<OutcomeKind>(k => k.Label())),
        new("Organisation", "The employer, college or organisation.", [K.Outcome]),
        new("JobTitle", "", [K.Outcome]),
        new("SocCode", "SOC 2020 occupation, four digits.", [K.Outcome]),
        new("HoursPerWeek", "", [K.Outcome]),
        new("HourlyPay", "In pounds, like 12.60.", [K.Outcome]),
        new("Contract", "", [K.Outcome], Codes<Domain.Employers.ContractType>(c => c.Label())),
        new("ContractMonths", "Length of a fixed-term contract.", [K.Outcome]),
        new("Description", "", [K.Outcome]),
        .. FollowUp(13), .. FollowUp(26), .. FollowUp(52),
    ];

    private static IEnumerable<ImportField> FollowUp(int weeks) =>
    [
        new($"Check{weeks}Result", $"The {weeks}-week sustainment check, when it was done.", [K.Outcome], Codes<SustainmentResult>(r => r.Label())),
        new($"Check{weeks}Date", $"When the {weeks}-week check was done.", [K.Outcome]),
        new($"Check{weeks}Evidence", $"How you know, at {weeks} weeks.", [K.Outcome], Codes<SustainmentEvidence>(e => e.Label())),
    ];

    /// <summary>The fields with the intervention catalogue's types as the codes of <see cref="InterventionType"/>.</summary>
    public static IReadOnlyList<ImportField> WithCatalogue(IEnumerable<(string Code, string Name)> types)
    {
        var list = Fixed.ToList();
        var at = list.FindIndex(f => f.Name == "DeliveredBy");
        list.Insert(at, new(InterventionType, "The type of support, by its catalogue code or name.", [K.Intervention], types.ToList()));
        return list;
    }

    /// <summary>Letters and digits only, lower case: "Self employed" and "self-employed" read alike.</summary>
    public static string Normalise(string value) =>
        new(value.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
