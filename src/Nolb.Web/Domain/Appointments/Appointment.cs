namespace Nolb.Web.Domain.Appointments;

/// <summary>
/// A meeting with the person: when (an instant, shown in UK time), how (in person, phone, video), where,
/// with whom, and afterwards whether they came. The staff member whose diary it belongs to gets it in
/// their calendar download.
/// </summary>
public sealed class Appointment : IVersioned
{
    public const int PlaceLength = 300;
    public const int WithWhomLength = 200;
    public const int PurposeLength = 500;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid EngagementId { get; init; }
    public Guid LepId { get; init; }

    /// <summary>The start, in UTC.</summary>
    public DateTime StartsAt { get; private set; }

    public int DurationMinutes { get; private set; }
    public AppointmentChannel Channel { get; private set; }

    /// <summary>The address or room for an in-person meeting, or the phone number or video link to use.</summary>
    public string? Place { get; private set; }

    /// <summary>Who the person meets: a name or a role, such as "Jo (key worker)" or "Money adviser, CAB".</summary>
    public string WithWhom { get; private set; } = "";

    public string? Purpose { get; private set; }

    /// <summary>The staff member whose diary this is in.</summary>
    public Guid StaffUserId { get; private set; }

    public Attendance? Attendance { get; private set; }
    public DateTime? AttendanceRecordedAt { get; private set; }
    public Guid RecordedByUserId { get; init; }
    public DateTime RecordedAt { get; init; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public DateTime EndsAt => EndOf(StartsAt, DurationMinutes);

    /// <summary>The end of an appointment; one stored at the end of the calendar (before dates were bounded) ends there instead of failing.</summary>
    public static DateTime EndOf(DateTime startsAt, int durationMinutes) =>
        startsAt > DateTime.MaxValue.AddMinutes(-durationMinutes) ? DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc) : startsAt.AddMinutes(durationMinutes);

    /// <summary>Upcoming: not yet started and not cancelled or otherwise closed.</summary>
    public bool IsUpcoming(DateTime now) => Attendance is null && StartsAt >= now;

    public IReadOnlyList<(string Field, string Message)> Apply(AppointmentDetails d, DateTime now, bool isNew)
    {
        var errors = new List<(string, string)>();
        if (d.StartsAt is null)
        {
            errors.Add(("Date", "Enter the date and time of the appointment"));
        }
        else if (!DateBounds.Contains(d.StartsAt.Value))
        {
            errors.Add(("Date", $"Enter a date with a year {DateBounds.Range}"));
        }
        else if (isNew && d.StartsAt < now.AddDays(-7))
        {
            errors.Add(("Date", "The appointment is more than a week in the past: record what happened as a case note instead"));
        }

        if (d.DurationMinutes is null or < 5 or > 480)
        {
            errors.Add(("DurationMinutes", "Enter how long the appointment lasts, from 5 to 480 minutes"));
        }

        if (d.Channel is null || !Enum.IsDefined(d.Channel.Value))
        {
            errors.Add(("Channel", "Choose how you will meet: in person, phone or video"));
        }
        else if (d.Channel == AppointmentChannel.InPerson && string.IsNullOrWhiteSpace(d.Place))
        {
            errors.Add(("Place", "Enter where you will meet in person"));
        }

        if (d.Place is { } place && place.Trim().Length > PlaceLength)
        {
            errors.Add(("Place", $"The place must be {PlaceLength} characters or fewer"));
        }

        if (string.IsNullOrWhiteSpace(d.WithWhom))
        {
            errors.Add(("WithWhom", "Enter who the person is meeting, for example their key worker or a money adviser"));
        }
        else if (d.WithWhom.Trim().Length > WithWhomLength)
        {
            errors.Add(("WithWhom", $"'With whom' must be {WithWhomLength} characters or fewer"));
        }

        if (d.Purpose is { } purpose && purpose.Trim().Length > PurposeLength)
        {
            errors.Add(("Purpose", $"The purpose must be {PurposeLength} characters or fewer"));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        StartsAt = DateTime.SpecifyKind(d.StartsAt!.Value, DateTimeKind.Utc);
        DurationMinutes = d.DurationMinutes!.Value;
        Channel = d.Channel!.Value;
        Place = string.IsNullOrWhiteSpace(d.Place) ? null : d.Place.Trim();
        WithWhom = d.WithWhom!.Trim();
        Purpose = string.IsNullOrWhiteSpace(d.Purpose) ? null : d.Purpose.Trim();
        StaffUserId = d.StaffUserId;
        return errors;
    }

    /// <summary>
    /// Records whether the person came. Attended and did-not-attend can only be said once the appointment
    /// has started; a cancellation can be recorded at any time.
    /// </summary>
    public DomainResult<Appointment> RecordAttendance(Attendance? attendance, DateTime now)
    {
        if (attendance is null)
        {
            Attendance = null;
            AttendanceRecordedAt = null;
            return DomainResult.Ok(this);
        }

        if (!Enum.IsDefined(attendance.Value))
        {
            return DomainResult.Fail<Appointment>("Attendance", "Choose attended, did not attend or cancelled");
        }

        if (attendance != Appointments.Attendance.Cancelled && StartsAt > now)
        {
            return DomainResult.Fail<Appointment>("Attendance", "The appointment has not started yet: record attendance after it, or record it as cancelled");
        }

        if (Attendance != attendance)
        {
            Attendance = attendance;
            AttendanceRecordedAt = now;
        }

        return DomainResult.Ok(this);
    }
}

/// <summary>What a page or client says about an appointment; <see cref="Appointment.Apply"/> checks it.</summary>
public sealed record AppointmentDetails(
    DateTime? StartsAt, int? DurationMinutes, AppointmentChannel? Channel, string? Place, string? WithWhom, string? Purpose, Guid StaffUserId);

public enum AppointmentChannel
{
    InPerson,
    Phone,
    Video,
}

public enum Attendance
{
    Attended,
    DidNotAttend,
    Cancelled,
}
