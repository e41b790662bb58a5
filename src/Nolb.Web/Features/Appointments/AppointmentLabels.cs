using Nolb.Web.Domain.Appointments;

namespace Nolb.Web.Features.Appointments;

public static class AppointmentLabels
{
    public static string Label(Attendance attendance) => attendance switch
    {
        Attendance.Attended => "Attended",
        Attendance.DidNotAttend => "Did not attend",
        _ => "Cancelled",
    };
}
