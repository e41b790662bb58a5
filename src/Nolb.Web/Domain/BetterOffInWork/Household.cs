namespace Nolb.Web.Domain.BetterOffInWork;

public enum ChildDisability
{
    None,
    Lower,
    Higher,
}

public enum PayFrequency
{
    Weekly,
    Fortnightly,
    FourWeekly,
    Monthly,
}

/// <summary>
/// One adult on the claim. LCWRA is "limited capability for work and work-related activity";
/// <see cref="LcwraProtectedRate"/> is for someone who had it before 6 April 2026, meets the severe conditions
/// criteria or is terminally ill (the higher 2026-27 rate); <see cref="LimitedCapabilityForWork"/> alone
/// only brings a work allowance (its element closed to new claims in 2017). <see cref="DisabilityBenefit"/> is
/// receiving a benefit that lifts the benefit cap (UC Regulations 2013 reg 83(1)): Personal Independence Payment,
/// Adult Disability Payment, Disability Living Allowance, Attendance Allowance, Armed Forces Independence Payment,
/// industrial injuries benefit or a war pension.
/// </summary>
public sealed record Adult(
    int Age,
    bool LimitedCapabilityForWorkAndWorkRelatedActivity = false,
    bool Carer = false,
    decimal CurrentMonthlyEarnings = 0,
    bool LimitedCapabilityForWork = false,
    bool LcwraProtectedRate = false,
    bool DisabilityBenefit = false);

public sealed record Child(int Age, bool BornBefore6April2017 = false, ChildDisability Disability = ChildDisability.None, ChildSex Sex = ChildSex.Unknown);

/// <summary>
/// How the workplace pension gets its tax relief. Relief at source (most automatic-enrolment master trusts, NEST among
/// them): the worker pays 80% of the contribution from pay after tax and the scheme claims the basic-rate 20% from HMRC.
/// Net pay arrangement (many occupational schemes): the whole contribution is taken from pay before tax.
/// </summary>
public enum PensionScheme
{
    ReliefAtSource,
    NetPay,
}

/// <summary>The job: its pay replaces the current earnings of adult <see cref="AdultIndex"/>.</summary>
public sealed record JobOffer(
    int AdultIndex, decimal HoursPerWeek, decimal HourlyPay, PayFrequency PayFrequency = PayFrequency.Monthly,
    PensionScheme Pension = PensionScheme.ReliefAtSource);

/// <summary>
/// The household on the claim. <see cref="BenefitCapGracePeriod"/>: someone earned at least the earnings exception
/// level in each of the 12 months before their work ended, and it ended less than 9 months ago (UC Regs 2013 reg 82(2)-(4)).
/// <see cref="Brma"/> is the Broad Rental Market Area code of a private tenancy; <see cref="SharedRateExempt"/> an exemption
/// from the shared accommodation rate other than a disability benefit (care leaver under 25, hostel, MAPPA, abuse, trafficking).
/// <see cref="TransitionalElement"/> is the monthly transitional element of someone moved to Universal Credit from older
/// benefits (Universal Credit (Transitional Provisions) Regulations 2014, regs 55-56), as shown on their statement.
/// </summary>
public sealed record Household(
    IReadOnlyList<Adult> Adults,
    IReadOnlyList<Child> Children,
    decimal MonthlyRent,
    decimal MonthlyServiceCharges,
    bool OwnerOccupier,
    JobOffer Offer,
    decimal MonthlyChildcareInWork,
    bool BenefitCapGracePeriod = false,
    CouncilTaxHome? CouncilTax = null,
    Landlord Landlord = Landlord.Social,
    string? Brma = null,
    bool SharedRateExempt = false,
    int? ChildcareChildren = null,
    decimal TransitionalElement = 0)
{
    /// <summary>
    /// How many children the childcare is paid for (UC Regulations 2013 reg 34: the maximum is for one child or for two
    /// or more); when not given, the children under 16.
    /// </summary>
    public int ChildrenInChildcare => ChildcareChildren ?? Children.Count(c => c.Age < 16);
}
