using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Domain.Measurement;

/// <summary>
/// The ways an indicator can be broken down, each a function from an engagement (and the day that counts)
/// to the groups it falls in. Most put a person in one group; priority family type and funding stream may put
/// them in several, so those groups overlap and do not add up to the total.
/// </summary>
public static class Breakdowns
{
    public sealed record Dimension(string Code, string Name, bool Overlapping, Func<EngagementFact, DateOnly, IEnumerable<string>> GroupsOf);

    public const string NotKnown = "Not known";
    public const string PreferNotToSay = "Prefer not to say";

    public static IReadOnlyList<Dimension> All { get; } =
    [
        new("age-band", "Age band (at start)", false, (e, _) => [Age.Band(e.Person.DateOfBirth, e.StartDate).DisplayName()]),
        new("sex", "Sex", false, (e, _) => [e.Person.Sex switch
        {
            Sex.Female => "Female",
            Sex.Male => "Male",
            Sex.PreferNotToSay => PreferNotToSay,
            _ => NotKnown,
        }]),
        new("ethnicity", "Ethnic group", false, (e, _) => [EthnicGroup(e.Person.Ethnicity)]),
        new("disability", "Disabled", false, (e, _) => [YesNoGroup(e.Person.Disabled)]),
        new("long-term-condition", "Long-term health condition", false, (e, _) => [YesNoGroup(e.Person.LongTermCondition)]),
        new("care-experienced", "Care experienced", false, (e, _) => [e.Person.CareExperienced ? "Yes" : "No"]),
        new("priority-family", "Child poverty priority family type", true, (e, _) => PriorityFamilies(e.Person)),
        new("simd-quintile", "SIMD quintile (1 = most deprived)", false, (e, _) => [e.Person.SimdQuintile is { } q ? $"Quintile {q}" : NotKnown]),
        new("funding-stream", "Funding stream", true, (e, _) => e.FundingStreams.Count == 0 ? [NotKnown] : e.FundingStreams.Distinct().Select(FundingName)),
        new("referral-source", "Referral source", false, (e, _) => [ReferralSourceName(e.ReferralSource)]),
    ];

    public static Dimension? Find(string code) => All.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The high-level groups of Scotland's Census 2022, so that small groups are not published alone.</summary>
    public static string EthnicGroup(Ethnicity? ethnicity) => ethnicity switch
    {
        null => NotKnown,
        Ethnicity.PreferNotToSay => PreferNotToSay,
        Ethnicity.WhiteScottish or Ethnicity.WhiteOtherBritish => "White Scottish or British",
        <= Ethnicity.WhiteOther => "White other",
        Ethnicity.MixedOrMultiple => "Mixed or multiple",
        <= Ethnicity.AsianOther => "Asian",
        <= Ethnicity.CaribbeanOrBlackOther => "African, Caribbean or Black",
        _ => "Other ethnic group",
    };

    public static bool IsMinorityEthnic(Ethnicity? ethnicity) =>
        ethnicity is not null and not Ethnicity.PreferNotToSay and not Ethnicity.WhiteScottish and not Ethnicity.WhiteOtherBritish;

    private static string YesNoGroup(YesNo? answer) => answer switch
    {
        YesNo.Yes => "Yes",
        YesNo.No => "No",
        YesNo.PreferNotToSay => PreferNotToSay,
        _ => NotKnown,
    };

    private static List<string> PriorityFamilies(PersonFact p)
    {
        var groups = new List<string>();
        if (p.Parent)
        {
            if (p.LoneParent)
            {
                groups.Add("Lone parent");
            }

            if (p.DisabledParentOrChild)
            {
                groups.Add("Disabled adult or child");
            }

            if (p.ThreeOrMoreChildren)
            {
                groups.Add("Three or more children");
            }

            if (p.MinorityEthnicFamily)
            {
                groups.Add("Minority ethnic family");
            }

            if (p.YoungestChildUnderOne)
            {
                groups.Add("Youngest child under one");
            }

            if (p.MotherUnder25)
            {
                groups.Add("Mother under 25");
            }
        }

        if (groups.Count == 0)
        {
            groups.Add("Not in a priority family");
        }

        return groups;
    }

    public static string FundingName(FundingStream stream) => stream switch
    {
        FundingStream.NoOneLeftBehind => "No One Left Behind",
        FundingStream.YoungPersonsGuarantee => "Young Person's Guarantee",
        FundingStream.ParentalEmployabilitySupport => "Parental Employability Support",
        FundingStream.UkSharedProsperityFund => "UK Shared Prosperity Fund",
        FundingStream.LocalAuthorityCore => "Local authority core",
        _ => "Other",
    };

    public static string ReferralSourceName(ReferralSource source) => source switch
    {
        ReferralSource.Self => "Self-referral",
        ReferralSource.JobcentrePlus => "Jobcentre Plus",
        ReferralSource.SkillsDevelopmentScotland => "Skills Development Scotland",
        ReferralSource.Health => "Health",
        ReferralSource.Housing => "Housing",
        ReferralSource.Justice => "Justice",
        ReferralSource.SchoolOrCollege => "School or college",
        ReferralSource.ThirdSector => "Third sector",
        _ => "Other",
    };
}
