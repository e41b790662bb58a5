namespace Nolb.Web.Domain.BetterOffInWork;

/// <summary>Who the rent is paid to: the housing element follows different rules for each.</summary>
public enum Landlord
{
    /// <summary>A council or housing association: the eligible rent in full (the size criteria are mitigated in Scotland).</summary>
    Social,

    /// <summary>A private landlord: rent counts only up to the Local Housing Allowance rate.</summary>
    Private,
}

public enum ChildSex
{
    Unknown,
    Female,
    Male,
}

/// <summary>
/// The housing costs element for renters (UC Regulations 2013 reg 26 and schedules 4): private rent up to the Local
/// Housing Allowance rate for the Broad Rental Market Area and the bedrooms the household is allowed (schedule 4
/// paras 8-10 and 25, the shared accommodation rate for a single person under 35 without an exemption, para 28-29),
/// social rent as it is.
/// </summary>
public static class Housing
{
    /// <summary>Scotland's 18 Broad Rental Market Areas (Rent Service Scotland), by code.</summary>
    public static IReadOnlyDictionary<string, string> Brmas { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["S33000001"] = "Aberdeen and Shire",
        ["S33000002"] = "Argyll and Bute",
        ["S33000003"] = "Ayrshires",
        ["S33000004"] = "Dumfries and Galloway",
        ["S33000005"] = "Dundee and Angus",
        ["S33000006"] = "East Dunbartonshire",
        ["S33000007"] = "Fife",
        ["S33000008"] = "Forth Valley",
        ["S33000009"] = "Greater Glasgow",
        ["S33000010"] = "Highland and Islands",
        ["S33000011"] = "Lothian",
        ["S33000012"] = "North Lanarkshire",
        ["S33000013"] = "Perth and Kinross",
        ["S33000014"] = "Renfrewshire/Inverclyde",
        ["S33000015"] = "Scottish Borders",
        ["S33000016"] = "South Lanarkshire",
        ["S33000017"] = "West Dunbartonshire",
        ["S33000018"] = "West Lothian",
    };

    /// <summary>The rate key the household's private rent is limited by, or null when the rent is not private.</summary>
    public static string? LhaKey(Household household) =>
        household.Landlord == Landlord.Private && household.Brma is { } brma && !household.OwnerOccupier
            ? $"lha.{brma}.{Category(household, out _)}"
            : null;

    public static (decimal Element, decimal Shortfall, string Words) Element(Household household, RateTable rates)
    {
        var rent = household.MonthlyRent + household.MonthlyServiceCharges;
        if (household.OwnerOccupier)
        {
            return (0, 0, "Owner-occupier: no housing element (Support for Mortgage Interest is a loan and is not included).");
        }

        if (rent <= 0)
        {
            return (0, 0, "No rent entered.");
        }

        var rentWords = $"Rent {Money.Format(household.MonthlyRent)} + eligible service charges {Money.Format(household.MonthlyServiceCharges)}";
        if (LhaKey(household) is not { } key)
        {
            return (rent, 0, rentWords + ", rented from a council or housing association, counted in full. " +
                "If the home has more bedrooms than the household is allowed, the social sector size criteria (the 'bedroom tax') cut this by 14% or 25%; " +
                "in Scotland the council makes that up in full with a Discretionary Housing Payment, so it is not taken off here.");
        }

        var category = Category(household, out var why);
        var weekly = rates.Value(key);
        var lha = weekly * BetterOffCalculator.WeeksPerMonth;
        var element = Math.Min(rent, lha);
        var shortfall = rent - element;
        return (element, shortfall,
            $"{rentWords}, rented privately in {Brmas[household.Brma!]}. {why} The Local Housing Allowance for that is {Money.Format(weekly)} a week × 52 ÷ 12 = {Money.Format(lha)} a month " +
            (shortfall > 0
                ? $"(UC Regulations 2013 schedule 4 para 25), so {Money.Format(element)} counts and {Money.Format(shortfall)} a month of the rent is not covered."
                : $"(UC Regulations 2013 schedule 4 para 25); the rent is within it and counts in full."));
    }

    /// <summary>"shared", "bed1" … "bed4": the LHA category for the household, and why in plain words.</summary>
    private static string Category(Household household, out string why)
    {
        var adults = household.Adults;
        if (adults.Count == 1 && household.Children.Count == 0 && adults[0].Age < 35 && !adults[0].DisabilityBenefit && !household.SharedRateExempt)
        {
            why = $"A single person under 35 with no children gets the shared accommodation rate whatever the size of the home (schedule 4 paras 28-29), " +
                "unless an exemption applies (for example a care leaver under 25, a disability benefit daily living component, 3 months in a homeless hostel, or MAPPA).";
            return "shared";
        }

        var (bedrooms, assumed) = Bedrooms(household.Children);
        var total = 1 + bedrooms;
        var capped = Math.Min(4, total);
        why = $"The household is allowed {total} bedroom(s): one for the {(adults.Count == 2 ? "couple" : "adult")}" +
            (household.Children.Count > 0 ? $" and {bedrooms} for the children (two children share if both are under 10, or if both are under 16 and the same sex; schedule 4 para 10)" : "") +
            (assumed ? ", taking children whose sex was not given as able to share" : "") +
            (total > 4 ? "; the Local Housing Allowance stops at 4 bedrooms." : ".");
        return "bed" + capped.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The fewest bedrooms the children need under schedule 4 para 10 (a small exact search: at most ten children).</summary>
    public static (int Bedrooms, bool Assumed) Bedrooms(IReadOnlyList<Child> children)
    {
        var assumed = children.Any(c => c.Sex == ChildSex.Unknown) && children.Count > 1;
        return (Fewest(children.ToList()), assumed);
    }

    private static int Fewest(List<Child> left)
    {
        if (left.Count == 0)
        {
            return 0;
        }

        var first = left[0];
        var rest = left.Skip(1).ToList();
        var best = 1 + Fewest(rest);
        for (var i = 0; i < rest.Count; i++)
        {
            if (CanShare(first, rest[i]))
            {
                best = Math.Min(best, 1 + Fewest(rest.Where((_, j) => j != i).ToList()));
            }
        }

        return best;
    }

    private static bool CanShare(Child a, Child b) =>
        (a.Age < 10 && b.Age < 10)
        || (a.Age < 16 && b.Age < 16 && (a.Sex == b.Sex || a.Sex == ChildSex.Unknown || b.Sex == ChildSex.Unknown));
}
