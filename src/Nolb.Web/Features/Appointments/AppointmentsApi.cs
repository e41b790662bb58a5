using Nolb.Web.Domain.Appointments;
using Nolb.Web.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Appointments;

public static class AppointmentsApi
{
    /// <summary>
    /// An appointment to book or the new state of one. <c>startsAt</c> is an instant with an offset (stored in UTC);
    /// <c>staffUserId</c> defaults to the caller; <c>attendance</c> is recorded on update only.
    /// </summary>
    public sealed record AppointmentRequest(
        DateTimeOffset? StartsAt, int? DurationMinutes, AppointmentChannel? Channel, string? Place, string? WithWhom, string? Purpose,
        Guid? StaffUserId, Attendance? Attendance);

    public static RouteGroupBuilder MapAppointmentsApi(this RouteGroupBuilder api)
    {
        var appointments = api.MapGroup("/engagements/{engagementId:guid}/appointments");
        appointments.MapGet("/", ListAsync).RequireAuthorization(Permissions.Participants.ReadOwnCaseload)
            .Produces<List<AppointmentView>>().WithSummary("The appointments of an engagement, latest first.");
        appointments.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Permissions.Participants.ReadOwnCaseload)
            .Produces<AppointmentView>().WithSummary("One appointment, with its version as the ETag.");
        appointments.MapPost("/", CreateAsync).RequireAuthorization(Permissions.Participants.EditOwnCaseload)
            .Produces<AppointmentView>(StatusCodes.Status201Created).WithSummary("Book an appointment.");
        appointments.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Permissions.Participants.EditOwnCaseload)
            .Produces<AppointmentView>().WithSummary("Change an appointment or record attendance. Send If-Match with the ETag you read.");
        return api;
    }

    private static async Task<IResult> ListAsync(Guid engagementId, AppointmentCommands commands, CancellationToken ct)
    {
        var result = await commands.ListAsync(engagementId, ct);
        return result.Outcome == ActivityOutcome.Done ? TypedResults.Ok(result.Value) : result.ToProblem();
    }

    private static async Task<IResult> GetAsync(Guid engagementId, Guid id, AppointmentCommands commands, HttpResponse response, CancellationToken ct)
    {
        var result = await commands.GetAsync(engagementId, id, ct);
        if (result.Outcome != ActivityOutcome.Done)
        {
            return result.ToProblem();
        }

        response.Headers.ETag = ActivityResults.ETag(result.Value!.Version);
        return TypedResults.Ok(result.Value);
    }

    private static async Task<IResult> CreateAsync(
        Guid engagementId, AppointmentRequest request, AppointmentCommands commands, CurrentUser user, HttpResponse response, CancellationToken ct)
    {
        var result = await commands.BookAsync(engagementId, Details(request, user), ct);
        if (result.Outcome != ActivityOutcome.Done)
        {
            return Renamed(result).ToProblem();
        }

        var view = (await commands.GetAsync(engagementId, result.Value!.Id, ct)).Value!;
        response.Headers.ETag = ActivityResults.ETag(view.Version);
        return TypedResults.Created($"/api/v1/engagements/{engagementId}/appointments/{view.Id}", view);
    }

    private static async Task<IResult> UpdateAsync(
        Guid engagementId, Guid id, AppointmentRequest request, AppointmentCommands commands, CurrentUser user, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        if (ActivityResults.IfMatch(http) is not { } version)
        {
            return ActivityResults.PreconditionRequired();
        }

        var result = await commands.UpdateAsync(engagementId, id, Details(request, user), request.Attendance, version, ct);
        if (result.Outcome != ActivityOutcome.Done)
        {
            return Renamed(result).ToProblem();
        }

        var view = (await commands.GetAsync(engagementId, id, ct)).Value!;
        response.Headers.ETag = ActivityResults.ETag(view.Version);
        return TypedResults.Ok(view);
    }

    private static AppointmentDetails Details(AppointmentRequest r, CurrentUser user) =>
        new(r.StartsAt?.UtcDateTime, r.DurationMinutes, r.Channel, r.Place, r.WithWhom, r.Purpose, r.StaffUserId ?? user.Id!.Value);

    /// <summary>The pages ask for a date and a time; the API for one instant, startsAt.</summary>
    private static ActivityResult<Appointment> Renamed(ActivityResult<Appointment> result) =>
        result with { Errors = result.Errors.Select(e => e.Field == "Date" ? ("StartsAt", e.Message) : e).ToList() };
}
