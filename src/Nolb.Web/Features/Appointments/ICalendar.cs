using System.Globalization;
using System.Text;
using Nolb.Web.Domain.Appointments;

namespace Nolb.Web.Features.Appointments;

/// <summary>
/// Writes appointments as an iCalendar file (RFC 5545): CRLF line ends, lines folded at 75 octets, TEXT
/// values escaped, times in UTC. A diary file leaves the building, so an event carries only what a diary
/// needs — when, how, where, with whom and the person's reference — never the purpose or anything from
/// the record (health, justice) beyond that.
/// </summary>
public static class ICalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public sealed record Event(Guid Id, DateTime StartsAt, int DurationMinutes, AppointmentChannel Channel, string? Place, string WithWhom, string Reference, string? Url);

    public static string Write(IEnumerable<Event> events, DateTime stamp, string calendarName)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Nolb//No One Left Behind case management//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Escape(calendarName),
        };
        foreach (var e in events)
        {
            lines.Add("BEGIN:VEVENT");
            lines.Add($"UID:{e.Id:D}@nolb.scot");
            lines.Add("DTSTAMP:" + Utc(stamp));
            lines.Add("DTSTART:" + Utc(e.StartsAt));
            lines.Add("DTEND:" + Utc(Domain.Appointments.Appointment.EndOf(e.StartsAt, e.DurationMinutes)));
            lines.Add("SUMMARY:" + Escape($"Appointment {e.Reference} ({Label(e.Channel)})"));
            if (e.Place is not null)
            {
                lines.Add("LOCATION:" + Escape(e.Place));
            }

            lines.Add("DESCRIPTION:" + Escape($"With {e.WithWhom}. {Label(e.Channel)}. Open the record in Nolb for details."));
            if (e.Url is not null)
            {
                lines.Add("URL:" + e.Url);
            }

            lines.Add("CLASS:PRIVATE");
            lines.Add("STATUS:CONFIRMED");
            lines.Add("END:VEVENT");
        }

        lines.Add("END:VCALENDAR");
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            builder.Append(Fold(line));
        }

        return builder.ToString();
    }

    public static string Label(AppointmentChannel channel) => channel switch
    {
        AppointmentChannel.InPerson => "In person",
        AppointmentChannel.Phone => "Phone",
        _ => "Video",
    };

    /// <summary>RFC 5545 §3.3.11: backslash, semicolon and comma are escaped; line breaks become \n.</summary>
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal);

    private static string Utc(DateTime instant) =>
        DateTime.SpecifyKind(instant, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 5545 §3.1: lines longer than 75 octets continue on the next line after CRLF and a space, never inside a UTF-8 character.</summary>
    private static string Fold(string line)
    {
        var builder = new StringBuilder();
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                builder.Append("\r\n ");
                octets = 0;
                limit = 74;
            }

            builder.Append(rune.ToString());
            octets += size;
        }

        return builder.Append("\r\n").ToString();
    }
}
