namespace Nolb.Web.Infrastructure;

/// <summary>
/// Appointments are kept as UTC instants and entered and shown in UK time (GMT/BST), whatever the server's
/// own time zone is.
/// </summary>
public static class UkTime
{
    public static TimeZoneInfo Zone { get; } = Find();

    public static DateTime ToUtc(DateOnly date, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), Zone);

    public static DateTime FromUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(FromUtc(clock.GetUtcNow().UtcDateTime));

    public static string Format(DateTime utc) =>
        FromUtc(utc).ToString("dddd d MMMM yyyy 'at' HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            // A container without time zone data: UTC is wrong by an hour in summer but never fails.
            return TimeZoneInfo.Utc;
        }
    }
}
