namespace Nolb.Web.Domain;

/// <summary>
/// The one range of years Nolb takes a date, an instant or a reporting period in: 1900 to 2100. It holds every real
/// date of birth, appointment and quarter, and keeps arithmetic on a date (the quarter after, an hour later) clear of
/// the ends of the calendar, where .NET throws (a quarter "9999-Q4" ends in year 10000). Parsing refuses anything
/// outside it, so a typing slip answers a clear message instead of an error page.
/// </summary>
public static class DateBounds
{
    public const int FirstYear = 1900;
    public const int LastYear = 2100;

    public static bool Contains(int year) => year is >= FirstYear and <= LastYear;

    public static bool Contains(DateOnly date) => Contains(date.Year);

    public static bool Contains(DateTime instant) => Contains(instant.Year);

    public static bool Contains(DateTimeOffset instant) => Contains(instant.UtcDateTime.Year) && Contains(instant.Year);

    /// <summary>"between 1900 and 2100", for messages.</summary>
    public static string Range => $"between {FirstYear} and {LastYear}";
}
