namespace Nolb.Web.Domain.Participants;

/// <summary>Reporting age bands. Always derived from the date of birth on a given day, never stored.</summary>
public enum AgeBand
{
    Under16,
    From16To19,
    From20To24,
    From25To29,
    From30To49,
    Over50,
}

public static class Age
{
    public static int OnDate(DateOnly dateOfBirth, DateOnly on)
    {
        var age = on.Year - dateOfBirth.Year;
        return BirthdayIn(dateOfBirth, on.Year) > on ? age - 1 : age;
    }

    /// <summary>
    /// Someone born on 29 February attains an age on 1 March in a year that is not a leap year (Age of Legal
    /// Capacity (Scotland) Act 1991, section 6), not on 28 February as <c>DateOnly.AddYears</c> would have it.
    /// </summary>
    private static DateOnly BirthdayIn(DateOnly dateOfBirth, int year) =>
        dateOfBirth is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year)
            ? new DateOnly(year, 3, 1)
            : new DateOnly(year, dateOfBirth.Month, dateOfBirth.Day);

    public static AgeBand Band(DateOnly dateOfBirth, DateOnly on) => OnDate(dateOfBirth, on) switch
    {
        < 16 => AgeBand.Under16,
        <= 19 => AgeBand.From16To19,
        <= 24 => AgeBand.From20To24,
        <= 29 => AgeBand.From25To29,
        <= 49 => AgeBand.From30To49,
        _ => AgeBand.Over50,
    };

    /// <summary>
    /// The Young Person's Guarantee is for people aged 16 to 24, and up to 26 for care-experienced young
    /// people (Scottish Government, Young Person's Guarantee).
    /// </summary>
    public static bool YoungPersonsGuaranteeEligible(DateOnly dateOfBirth, bool careExperienced, DateOnly on)
    {
        var age = OnDate(dateOfBirth, on);
        return age >= 16 && age <= (careExperienced ? 26 : 24);
    }

    public static string DisplayName(this AgeBand band) => band switch
    {
        AgeBand.Under16 => "Under 16",
        AgeBand.From16To19 => "16–19",
        AgeBand.From20To24 => "20–24",
        AgeBand.From25To29 => "25–29",
        AgeBand.From30To49 => "30–49",
        _ => "50 and over",
    };
}
