using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Domain.DataRights;

/// <summary>What the erasure code needs to know about a person's periods of support: when each started and ended.</summary>
public sealed record SupportPeriod(DateOnly StartDate, DateOnly? LeftOn);

/// <summary>
/// The legal reasons to keep a person's data that refuse an erasure request (UK GDPR article 17(3)): support still
/// going on (the data is needed to deliver it), and a funding audit hold (a closed engagement's claims may still be
/// audited by the funder for <see cref="RetentionSettings.FundingAuditHoldMonths"/> after it closed).
/// </summary>
public static class ErasureRules
{
    public static IReadOnlyList<string> Holds(IReadOnlyCollection<SupportPeriod> periods, bool alreadyErased, DateOnly today, int fundingAuditHoldMonths)
    {
        var holds = new List<string>();
        if (alreadyErased)
        {
            holds.Add("This person's data has already been erased");
            return holds;
        }

        if (periods.Any(p => p.LeftOn is null))
        {
            holds.Add("The person has an open engagement: their support is still going on and needs the record. Close the engagement first");
        }

        var lastClosed = periods.Where(p => p.LeftOn is not null).Max(p => p.LeftOn);
        if (lastClosed is { } closed && closed.AddMonths(fundingAuditHoldMonths) > today)
        {
            holds.Add($"Funding audit hold: the engagement that closed on {closed.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)} " +
                $"may be audited by its funder until {closed.AddMonths(fundingAuditHoldMonths).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}");
        }

        return holds;
    }

    /// <summary>
    /// The date of birth an erased record keeps: a date that is not the person's own but puts them in the same
    /// reporting age band and Young Person's Guarantee eligibility at the start of every engagement, so the statistics
    /// do not move. The middle of the birth year is tried first, then the year's ends, then the month's; the real date
    /// is kept only when no stand-in gives the same figures (two starts in the birth month either side of the birthday).
    /// </summary>
    public static DateOnly StandInDateOfBirth(DateOnly dateOfBirth, bool careExperienced, IReadOnlyCollection<DateOnly> engagementStarts)
    {
        var candidates = new[]
        {
            new DateOnly(dateOfBirth.Year, 7, 1),
            new DateOnly(dateOfBirth.Year, 1, 1),
            new DateOnly(dateOfBirth.Year, 12, 31),
            new DateOnly(dateOfBirth.Year, dateOfBirth.Month, 1),
            new DateOnly(dateOfBirth.Year, dateOfBirth.Month, DateTime.DaysInMonth(dateOfBirth.Year, dateOfBirth.Month)),
        };
        return candidates.FirstOrDefault(c => engagementStarts.All(s => SameFigures(dateOfBirth, c, careExperienced, s)), dateOfBirth);
    }

    private static bool SameFigures(DateOnly real, DateOnly standIn, bool careExperienced, DateOnly on) =>
        Age.Band(real, on) == Age.Band(standIn, on)
        && Age.YoungPersonsGuaranteeEligible(real, careExperienced, on) == Age.YoungPersonsGuaranteeEligible(standIn, careExperienced, on);
}
