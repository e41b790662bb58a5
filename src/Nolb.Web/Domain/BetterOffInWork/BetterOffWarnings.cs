using System.Globalization;

namespace Nolb.Web.Domain.BetterOffInWork;

/// <summary>
/// What a key worker must check or tell the person before relying on the answer, each only where it applies and in
/// plain words: pay under the legal minimum for the person's age, a 16 or 17 year old on the claim, earnings that can
/// prompt a review of LCWRA, and transitional protection that can be lost.
/// </summary>
public static class BetterOffWarnings
{
    public static IReadOnlyList<string> For(Household household, RateTable rates, decimal inWorkUniversalCredit, IReadOnlyList<PayMonth> months)
    {
        var warnings = new List<string>();
        var offer = household.Offer;
        var worker = household.Adults[offer.AdultIndex];
        var who = household.Adults.Count == 1 ? "the person" : $"adult {offer.AdultIndex + 1}";

        // National Minimum Wage Act 1998 and National Minimum Wage Regulations 2015 reg 4: the rate depends on age (and
        // apprentices under 19 or in their first year may be paid the apprentice rate).
        var minimumKey = BetterOffCalculator.MinimumWageKey(worker.Age);
        var minimum = rates.Value(minimumKey);
        if (offer.HourlyPay < minimum)
        {
            var apprentice = rates.Value("pay.minimumWage.under18AndApprentice");
            warnings.Add(
                $"The offer pays {Money.Format(offer.HourlyPay)} an hour, less than the legal minimum wage of {Money.Format(minimum)} an hour for someone aged {worker.Age} " +
                $"in {rates.TaxYear}. Check the offer: an employer must pay at least this" +
                (minimumKey == "pay.minimumWage.under18AndApprentice" ? "." : $", unless the job is an apprenticeship and {who} is under 19 or in its first year (apprentice rate {Money.Format(apprentice)})."));
        }

        // UC Regulations 2013 reg 8: a 16 or 17 year old can claim only in listed cases.
        var young = household.Adults.Select((a, i) => (a, i)).Where(x => x.a.Age < 18).ToList();
        if (young.Count > 0)
        {
            var whoIs = household.Adults.Count == 1
                ? $"The person is {young[0].a.Age}"
                : string.Join(" and ", young.Select(x => $"adult {x.i + 1} is {x.a.Age}"));
            warnings.Add($"{char.ToUpperInvariant(whoIs[0])}{whoIs[1..]}. Most 16 and 17 year olds cannot claim Universal Credit; " +
                "they can if, for example, they are responsible for a child, have limited capability for work, are a carer or have no support from their parents " +
                "(UC Regulations 2013 reg 8). Check before relying on these figures.");
        }

        // UC Regulations 2013 reg 41(3): earnings of at least 16 hours a week at the National Living Wage can lead DWP to
        // look again at limited capability for work (and work-related activity).
        var nlw = rates.Value("pay.nationalLivingWage");
        var hours = rates.Value("uc.benefitCap.earningsExemptionHours");
        if ((worker.LimitedCapabilityForWorkAndWorkRelatedActivity || worker.LimitedCapabilityForWork) && offer.HoursPerWeek * offer.HourlyPay >= hours * nlw)
        {
            var element = worker.LimitedCapabilityForWorkAndWorkRelatedActivity
                ? $" If DWP decides they no longer have it, the LCWRA element ({Money.Format(rates.Value(worker.LcwraProtectedRate ? "uc.lcwra.protected" : "uc.lcwra.newClaim"))} a month) stops; this calculation keeps it."
                : " If DWP decides they no longer have it, the work allowance can stop; this calculation keeps it.";
            warnings.Add(
                $"The job pays {Money.Format(offer.HoursPerWeek * offer.HourlyPay)} a week, at least {hours.ToString("0", CultureInfo.InvariantCulture)} hours at the National Living Wage ({Money.Format(hours * nlw)} a week). " +
                $"Earnings at this level can prompt DWP to review whether {who} still has limited capability for work" +
                (worker.LimitedCapabilityForWorkAndWorkRelatedActivity ? " and work-related activity" : "") + " (UC Regulations 2013 reg 41(3))." + element);
        }

        // Universal Credit (Transitional Provisions) Regulations 2014 reg 56: the transitional element ends for good when the
        // award ends, and after a sustained drop in earnings; a new claim does not bring it back.
        if (household.TransitionalElement > 0)
        {
            var text = $"The award includes transitional protection ({Money.Format(household.TransitionalElement)} a month). " +
                "It is lost for good if the award ends, or if earnings drop and stay low for three assessment periods in a row; " +
                "a new claim does not bring it back (Universal Credit (Transitional Provisions) Regulations 2014 reg 56).";
            if (inWorkUniversalCredit == 0)
            {
                text += " In this job Universal Credit would be £0, so the award would end and the protection would be lost: if the job ends later, a new claim would be for less. Get welfare rights advice first.";
            }
            else if (months.Any(m => m.UniversalCredit == 0))
            {
                text += " In the months with an extra payday Universal Credit would be £0: that alone does not end the award, but do not let the claim be closed.";
            }

            warnings.Add(text);
        }

        return warnings;
    }
}
