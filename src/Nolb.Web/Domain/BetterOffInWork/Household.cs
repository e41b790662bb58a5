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

public sealed record Child(int Age, bool BornBefore6April2017 = false, ChildDisability Disability = ChildDisability.None);

/// <summary>The job: its pay replaces the current earnings of adult <see cref="AdultIndex"/>.</summary>
public sealed record JobOffer(int AdultIndex, decimal HoursPerWeek, decimal HourlyPay, PayFrequency PayFrequency = PayFrequency.Monthly);

/// <summary>
/// The household on the claim. <see cref="BenefitCapGracePeriod"/>: someone earned at least the earnings exception
/// level in each of the 12 months before their work ended, and it ended less than 9 months ago (UC Regs 2013 reg 82(2)-(4)).
/// </summary>
public sealed record Household(
    IReadOnlyList<Adult> Adults,
    IReadOnlyList<Child> Children,
    decimal MonthlyRent,
    decimal MonthlyServiceCharges,
    bool OwnerOccupier,
    JobOffer Offer,
    decimal MonthlyChildcareInWork,
    bool BenefitCapGracePeriod = false);
