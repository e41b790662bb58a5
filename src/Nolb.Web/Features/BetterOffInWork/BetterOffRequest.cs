using System.Globalization;
using Nolb.Web.Domain.BetterOffInWork;

namespace Nolb.Web.Features.BetterOffInWork;

/// <summary>The household as the API and the form send it; everything nullable so a missing field gets a named error.</summary>
public sealed record BetterOffRequest(
    string? TaxYear,
    List<AdultRequest?>? Adults,
    List<ChildRequest?>? Children,
    decimal? MonthlyRent,
    decimal? MonthlyServiceCharges,
    bool? OwnerOccupier,
    OfferRequest? Offer,
    decimal? MonthlyChildcareInWork,
    bool? BenefitCapGracePeriod = null,
    string? CouncilArea = null,
    string? CouncilTaxBand = null,
    decimal? AnnualCouncilTax = null,
    string? Landlord = null,
    string? Brma = null,
    bool? SharedRateExempt = null,
    int? ChildcareChildren = null,
    decimal? TransitionalElement = null);

public sealed record AdultRequest(
    int? Age,
    bool? LimitedCapabilityForWorkAndWorkRelatedActivity = null,
    bool? Carer = null,
    decimal? CurrentMonthlyEarnings = null,
    bool? LimitedCapabilityForWork = null,
    bool? LcwraProtectedRate = null,
    bool? DisabilityBenefit = null);

/// <summary><c>disability</c> is "none", "lower" or "higher" (the disabled child addition rate); <c>sex</c> "female", "male" or empty (for bedrooms).</summary>
public sealed record ChildRequest(int? Age, bool? BornBefore6April2017 = null, string? Disability = null, string? Sex = null);

/// <summary>
/// <c>payFrequency</c> is "weekly", "fortnightly", "fourWeekly" or "monthly" (the default); <c>pensionScheme</c>
/// "reliefAtSource" (the default, as most automatic-enrolment schemes) or "netPay".
/// </summary>
public sealed record OfferRequest(int? AdultIndex, decimal? HoursPerWeek, decimal? HourlyPay, string? PayFrequency = null, string? PensionScheme = null);

/// <summary>Checks a request and turns it into the calculator's household; each error names the field (API paths, camelCase).</summary>
public static class BetterOffValidation
{
    public const int MaxChildren = 10;
    public const int MinAdultAge = 16;
    public const int MaxAdultAge = 66;
    public const int MaxChildAge = 19;

    public static (Household? Household, RateTable? Rates, List<(string Field, string Message)> Errors) Validate(BetterOffRequest request, RateTableCatalog catalog)
    {
        var errors = new List<(string Field, string Message)>();
        var rates = string.IsNullOrWhiteSpace(request.TaxYear) ? catalog.Current : catalog.Find(request.TaxYear.Trim());
        if (rates is null)
        {
            errors.Add(("taxYear", $"Tax year '{request.TaxYear}' has no rate table; use one of {string.Join(", ", catalog.TaxYears)}."));
        }

        var adults = new List<Adult>();
        if (request.Adults is null || request.Adults.Count is < 1 or > 2)
        {
            errors.Add(("adults", "Enter one adult (single) or two adults (couple)."));
        }
        else
        {
            for (var i = 0; i < request.Adults.Count; i++)
            {
                var a = request.Adults[i];
                var field = $"adults[{i}]";
                if (a?.Age is not { } age || age < MinAdultAge || age > MaxAdultAge)
                {
                    errors.Add(($"{field}.age", $"Enter adult {i + 1}'s age as a whole number from {MinAdultAge} to {MaxAdultAge} (Universal Credit is for people under State Pension age)."));
                    continue;
                }

                var earnings = a.CurrentMonthlyEarnings ?? 0;
                if (earnings is < 0 or > 100_000)
                {
                    errors.Add(($"{field}.currentMonthlyEarnings", $"Enter adult {i + 1}'s current monthly earnings as 0 or more (up to £100,000)."));
                }

                adults.Add(new Adult(age, a.LimitedCapabilityForWorkAndWorkRelatedActivity ?? false, a.Carer ?? false, earnings,
                    a.LimitedCapabilityForWork ?? false, a.LcwraProtectedRate ?? false, a.DisabilityBenefit ?? false));
            }
        }

        var children = new List<Child>();
        var childRequests = request.Children ?? [];
        if (childRequests.Count > MaxChildren)
        {
            errors.Add(("children", $"Enter at most {MaxChildren} children."));
        }

        for (var i = 0; i < childRequests.Count && i < MaxChildren; i++)
        {
            var c = childRequests[i];
            var field = $"children[{i}]";
            if (c?.Age is not { } age || age < 0 || age > MaxChildAge)
            {
                errors.Add(($"{field}.age", $"Enter child {i + 1}'s age from 0 to {MaxChildAge}; people aged 20 or over are not children for Universal Credit."));
                continue;
            }

            if (!TryParseDisability(c.Disability, out var disability))
            {
                errors.Add(($"{field}.disability", $"Child {i + 1}'s disability must be none, lower or higher."));
                continue;
            }

            if (!TryParseEnum<ChildSex>(c.Sex, ChildSex.Unknown, out var sex))
            {
                errors.Add(($"{field}.sex", $"Child {i + 1}'s sex must be female, male or left empty."));
                continue;
            }

            children.Add(new Child(age, c.BornBefore6April2017 ?? false, disability, sex));
        }

        var rent = request.MonthlyRent ?? 0;
        var service = request.MonthlyServiceCharges ?? 0;
        var owner = request.OwnerOccupier ?? false;
        if (rent is < 0 or > 20_000)
        {
            errors.Add(("monthlyRent", "Enter the monthly rent as 0 or more (up to £20,000)."));
        }

        if (service is < 0 or > 5_000)
        {
            errors.Add(("monthlyServiceCharges", "Enter the monthly eligible service charges as 0 or more (up to £5,000)."));
        }

        if (owner && rent + service > 0)
        {
            errors.Add(("monthlyRent", "An owner-occupier pays no rent: leave rent and service charges at 0, or untick owner-occupier."));
        }

        var childcare = request.MonthlyChildcareInWork ?? 0;
        if (childcare is < 0 or > 10_000)
        {
            errors.Add(("monthlyChildcareInWork", "Enter the monthly childcare costs in work as 0 or more (up to £10,000)."));
        }

        JobOffer? offer = null;
        if (request.Offer is not { } o)
        {
            errors.Add(("offer", "Enter the job offer: who it is for, hours a week and hourly pay."));
        }
        else
        {
            var index = o.AdultIndex ?? 0;
            if (request.Adults is { Count: > 0 } && (index < 0 || index >= request.Adults.Count))
            {
                errors.Add(("offer.adultIndex", $"The job must be for one of the adults: use 0{(request.Adults.Count == 2 ? " or 1" : "")}."));
            }

            if (o.HoursPerWeek is not { } hours || hours <= 0 || hours > 100)
            {
                errors.Add(("offer.hoursPerWeek", "Enter the hours a week of the job, more than 0 and up to 100."));
            }

            if (o.HourlyPay is not { } pay || pay <= 0 || pay > 1_000)
            {
                errors.Add(("offer.hourlyPay", "Enter the hourly pay of the job in pounds, more than 0 (for example 12.71)."));
            }

            if (!TryParseFrequency(o.PayFrequency, out var frequency))
            {
                errors.Add(("offer.payFrequency", "Pay frequency must be weekly, fortnightly, fourWeekly or monthly."));
            }

            if (!TryParseEnum<PensionScheme>(o.PensionScheme, PensionScheme.ReliefAtSource, out var scheme))
            {
                errors.Add(("offer.pensionScheme", "Pension scheme must be reliefAtSource or netPay."));
            }

            offer = new JobOffer(index, o.HoursPerWeek ?? 0, o.HourlyPay ?? 0, frequency, scheme);
        }

        if (request.ChildcareChildren is { } cared && (cared < 0 || cared > childRequests.Count))
        {
            errors.Add(("childcareChildren", $"Enter how many children the childcare is for, from 0 to the {childRequests.Count} child(ren) entered."));
        }
        else if (request.ChildcareChildren == 0 && childcare > 0)
        {
            errors.Add(("childcareChildren", "Childcare costs are entered, so enter how many children the childcare is for (1 or more)."));
        }

        var landlordOk = TryParseEnum<Landlord>(request.Landlord, Landlord.Social, out var landlord);
        if (!landlordOk)
        {
            errors.Add(("landlord", "Landlord must be social (council or housing association) or private."));
        }

        var brma = string.IsNullOrWhiteSpace(request.Brma) ? null : request.Brma.Trim();
        if (landlord == Landlord.Private && rent > 0 && !owner && (brma is null || !Housing.Brmas.ContainsKey(brma)))
        {
            errors.Add(("brma", "Choose the Broad Rental Market Area of the private let: its Local Housing Allowance limits the rent Universal Credit covers."));
        }

        var transitional = request.TransitionalElement ?? 0;
        if (transitional is < 0 or > 5_000)
        {
            errors.Add(("transitionalElement", "Enter the transitional element as 0 or more (up to £5,000 a month), as shown on the Universal Credit statement."));
        }

        var home = CouncilTax(request, rates, errors);
        if (errors.Count > 0)
        {
            return (null, null, errors);
        }

        return (new Household(adults, children, rent, service, owner, offer!, childcare, request.BenefitCapGracePeriod ?? false,
            home, landlord, brma, request.SharedRateExempt ?? false, request.ChildcareChildren, transitional), rates, errors);
    }

    /// <summary>The council and band (or the yearly charge from the bill); null when no council is given, which leaves council tax out.</summary>
    private static CouncilTaxHome? CouncilTax(BetterOffRequest request, RateTable? rates, List<(string Field, string Message)> errors)
    {
        if (string.IsNullOrWhiteSpace(request.CouncilArea))
        {
            return null;
        }

        var council = Data.ReferenceDataSeeder.CouncilAreas().FirstOrDefault(c => c.Code == request.CouncilArea.Trim());
        if (council is null)
        {
            errors.Add(("councilArea", "Choose one of Scotland's 32 council areas."));
            return null;
        }

        CouncilTaxBand? band = null;
        if (!string.IsNullOrWhiteSpace(request.CouncilTaxBand))
        {
            if (!Enum.TryParse<CouncilTaxBand>(request.CouncilTaxBand.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                errors.Add(("councilTaxBand", "The council tax band must be a letter from A to H."));
                return null;
            }

            band = parsed;
        }

        if (request.AnnualCouncilTax is { } annual && annual is <= 0 or > 20_000)
        {
            errors.Add(("annualCouncilTax", "Enter the yearly council tax from the bill in pounds, more than 0 (up to £20,000), without water and sewerage."));
            return null;
        }

        var home = new CouncilTaxHome(council.Code, council.Name, band, request.AnnualCouncilTax);
        if (band is null && request.AnnualCouncilTax is null)
        {
            errors.Add(("councilTaxBand", "Choose the council tax band of the home (A to H), or enter the yearly council tax from the bill."));
        }
        else if (rates is not null && CouncilTaxReduction.AnnualCharge(home, rates) is null)
        {
            errors.Add(("annualCouncilTax", $"Nolb does not hold {council.Name}'s published Band D council tax for {rates.TaxYear}: enter the yearly council tax from the bill (without water and sewerage)."));
        }

        return home;
    }

    public static bool TryParseDisability(string? value, out ChildDisability disability)
    {
        disability = ChildDisability.None;
        return string.IsNullOrWhiteSpace(value) || Enum.TryParse(value.Trim(), ignoreCase: true, out disability) && Enum.IsDefined(disability);
    }

    public static bool TryParseFrequency(string? value, out PayFrequency frequency)
    {
        frequency = PayFrequency.Monthly;
        return string.IsNullOrWhiteSpace(value) || Enum.TryParse(value.Trim().Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out frequency) && Enum.IsDefined(frequency);
    }

    private static bool TryParseEnum<T>(string? value, T fallback, out T parsed)
        where T : struct, Enum
    {
        parsed = fallback;
        return string.IsNullOrWhiteSpace(value) || Enum.TryParse(value.Trim(), ignoreCase: true, out parsed) && Enum.IsDefined(parsed);
    }

    public static string Camel(string name) => char.ToLower(name[0], CultureInfo.InvariantCulture) + name[1..];
}
