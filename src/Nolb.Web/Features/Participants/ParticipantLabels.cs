using Microsoft.AspNetCore.Mvc.Rendering;
using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Features.Participants;

/// <summary>The words people see for each answer. Names of the census categories follow Scotland's Census 2022.</summary>
public static class ParticipantLabels
{
    public static IReadOnlyList<SelectListItem> Choices<TEnum>(Func<TEnum, string> label) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => new SelectListItem(label(v), v.ToString())).ToList();

    public static string Label(this PipelineStage stage) => stage switch
    {
        PipelineStage.EngagementReferralAndAssessment => "1. Engagement, referral and assessment",
        PipelineStage.NeedsAssessmentAndBarrierRemoval => "2. Needs assessment and barrier removal",
        PipelineStage.VocationalActivity => "3. Vocational activity",
        PipelineStage.EmployerEngagementAndJobMatching => "4. Employer engagement and job matching",
        _ => "5. In work support and aftercare",
    };

    /// <summary>How LEPs describe where the person is (Dumfries and Galloway LEP's pipeline).</summary>
    public static string Readiness(this PipelineStage stage) => stage switch
    {
        PipelineStage.EngagementReferralAndAssessment or PipelineStage.NeedsAssessmentAndBarrierRemoval => "Not job ready",
        PipelineStage.VocationalActivity or PipelineStage.EmployerEngagementAndJobMatching => "Job ready",
        _ => "In work",
    };

    public static IReadOnlyList<SelectListItem> Stages() =>
        Enum.GetValues<PipelineStage>().Select(s => new SelectListItem(s.Label(), ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

    public static string Label(this ReferralSource source) => source switch
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

    public static string Label(this FundingStream stream) => stream switch
    {
        FundingStream.NoOneLeftBehind => "No One Left Behind",
        FundingStream.YoungPersonsGuarantee => "Young Person's Guarantee",
        FundingStream.ParentalEmployabilitySupport => "Parental Employability Support",
        FundingStream.UkSharedProsperityFund => "UK Shared Prosperity Fund",
        FundingStream.LocalAuthorityCore => "Local authority core funding",
        _ => "Other",
    };

    public static string Label(this LeavingReason reason) => reason switch
    {
        LeavingReason.EnteredEmployment => "Entered employment",
        LeavingReason.EnteredEducationOrTraining => "Entered education or training",
        LeavingReason.EnteredVolunteering => "Entered volunteering",
        LeavingReason.CompletedSupport => "Completed support",
        LeavingReason.MovedToAnotherArea => "Moved to another area",
        LeavingReason.NoLongerEngaging => "No longer engaging",
        LeavingReason.IllHealth => "Ill health",
        LeavingReason.ChoseToLeave => "Chose to leave",
        _ => "Other",
    };

    public static string Label(this ContactMethod method) => method switch
    {
        ContactMethod.Phone => "Phone call",
        ContactMethod.Text => "Text message",
        ContactMethod.Email => "Email",
        ContactMethod.Post => "Letter",
        _ => "In person",
    };

    public static string Label(this EmploymentStatus status) => status switch
    {
        EmploymentStatus.UnemployedUnder12Months => "Unemployed, less than 12 months",
        EmploymentStatus.Unemployed12MonthsOrMore => "Unemployed, 12 months or more",
        EmploymentStatus.EconomicallyInactive => "Economically inactive",
        EmploymentStatus.EmployedInWorkPoverty => "Employed, on a low income",
        EmploymentStatus.SelfEmployed => "Self-employed",
        EmploymentStatus.InEducationOrTraining => "In education or training",
        _ => "Not known",
    };

    public static string Label(this Benefit benefit) => benefit switch
    {
        Benefit.UniversalCredit => "Universal Credit",
        Benefit.EmploymentAndSupportAllowance => "Employment and Support Allowance",
        Benefit.JobseekersAllowance => "Jobseeker's Allowance",
        Benefit.IncomeSupport => "Income Support",
        Benefit.PersonalIndependencePayment => "Personal Independence Payment",
        Benefit.AdultDisabilityPayment => "Adult Disability Payment",
        Benefit.CarersAllowance => "Carer's Allowance or Carer Support Payment",
        _ => "Other benefit",
    };

    public static string Label(this ConsentKind kind) => kind switch
    {
        ConsentKind.ShareWithPartner => "Share information with a named partner",
        ConsentKind.ContactByText => "Contact by text message",
        ConsentKind.ContactByEmail => "Contact by email",
        ConsentKind.UseInEvaluation => "Use of their information in evaluation",
        _ => "Transfer of their record to another LEP",
    };

    public static string Label(this YesNo answer) => answer switch
    {
        YesNo.Yes => "Yes",
        YesNo.No => "No",
        _ => "Prefer not to say",
    };

    public static string Label(this Sex sex) => sex switch
    {
        Sex.Female => "Female",
        Sex.Male => "Male",
        _ => "Prefer not to say",
    };

    public static string Label(this TransStatus status) => status switch
    {
        TransStatus.No => "No",
        TransStatus.Yes => "Yes",
        _ => "Prefer not to say",
    };

    public static string Label(this Ethnicity ethnicity) => ethnicity switch
    {
        Ethnicity.WhiteScottish => "White: Scottish",
        Ethnicity.WhiteOtherBritish => "White: Other British",
        Ethnicity.WhiteIrish => "White: Irish",
        Ethnicity.WhiteGypsyTraveller => "White: Gypsy/Traveller",
        Ethnicity.WhiteRoma => "White: Roma",
        Ethnicity.WhiteShowman => "White: Showman/Showwoman",
        Ethnicity.WhitePolish => "White: Polish",
        Ethnicity.WhiteOther => "White: Other white ethnic group",
        Ethnicity.MixedOrMultiple => "Mixed or multiple ethnic groups",
        Ethnicity.AsianPakistani => "Asian: Pakistani, Scottish Pakistani or British Pakistani",
        Ethnicity.AsianIndian => "Asian: Indian, Scottish Indian or British Indian",
        Ethnicity.AsianBangladeshi => "Asian: Bangladeshi, Scottish Bangladeshi or British Bangladeshi",
        Ethnicity.AsianChinese => "Asian: Chinese, Scottish Chinese or British Chinese",
        Ethnicity.AsianOther => "Asian: Other Asian",
        Ethnicity.African => "African: African, Scottish African or British African",
        Ethnicity.AfricanOther => "African: Other African",
        Ethnicity.Caribbean => "Caribbean or Black: Caribbean, Scottish Caribbean or British Caribbean",
        Ethnicity.Black => "Caribbean or Black: Black, Scottish Black or British Black",
        Ethnicity.CaribbeanOrBlackOther => "Caribbean or Black: Other Caribbean or Black",
        Ethnicity.Arab => "Other: Arab, Scottish Arab or British Arab",
        Ethnicity.OtherEthnicGroup => "Other ethnic group",
        _ => "Prefer not to say",
    };

    public static string Label(this Religion religion) => religion switch
    {
        Religion.None => "None",
        Religion.ChurchOfScotland => "Church of Scotland",
        Religion.RomanCatholic => "Roman Catholic",
        Religion.OtherChristian => "Other Christian",
        Religion.Buddhist => "Buddhist",
        Religion.Hindu => "Hindu",
        Religion.Jewish => "Jewish",
        Religion.Muslim => "Muslim",
        Religion.Pagan => "Pagan",
        Religion.Sikh => "Sikh",
        Religion.Other => "Another religion or body",
        _ => "Prefer not to say",
    };

    public static string Label(this SexualOrientation orientation) => orientation switch
    {
        SexualOrientation.StraightOrHeterosexual => "Straight or heterosexual",
        SexualOrientation.GayOrLesbian => "Gay or lesbian",
        SexualOrientation.Bisexual => "Bisexual",
        SexualOrientation.Other => "Other sexual orientation",
        _ => "Prefer not to say",
    };

    public static string ScqfLabel(int? level) => level is null ? "None or not known" : $"SCQF level {level}";
}
