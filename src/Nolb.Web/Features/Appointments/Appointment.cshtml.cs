using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Appointments;
using Nolb.Web.Features.Participants;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Appointments;

/// <summary>Book an appointment, change it or record whether the person came; download it for a calendar.</summary>
[Authorize(Policy = Permissions.Participants.EditOwnCaseload)]
public sealed class AppointmentModel(
    CaseActivityAccess access, AppointmentCommands commands, NolbDbContext db, CurrentUser currentUser, TimeProvider clock, PublicLinks links) : PageModel
{
    [BindProperty]
    public AppointmentInput Input { get; set; } = new();

    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }
    public IReadOnlyList<SelectListItem> Staff { get; private set; } = [];
    public bool IsNew { get; private set; }

    public static IReadOnlyList<SelectListItem> ChannelChoices { get; } =
        Enum.GetValues<AppointmentChannel>().Select(c => new SelectListItem(ICalendar.Label(c), c.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> AttendanceChoices { get; } =
        new[] { new SelectListItem("Not recorded yet", "") }
            .Concat(Enum.GetValues<Attendance>().Select(a => new SelectListItem(AppointmentLabels.Label(a), a.ToString()))).ToList();

    public sealed class AppointmentInput
    {
        public DateOnly? Date { get; set; }
        public TimeOnly? Time { get; set; }
        public int? DurationMinutes { get; set; }
        public AppointmentChannel? Channel { get; set; }
        public string? Place { get; set; }
        public string? WithWhom { get; set; }
        public string? Purpose { get; set; }
        public Guid? StaffUserId { get; set; }
        public Attendance? Attendance { get; set; }
        public Guid Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid engagementId, Guid? id, CancellationToken ct)
    {
        var failure = await LoadAsync(engagementId, id, ct);
        if (failure is not null)
        {
            return failure;
        }

        if (id is null)
        {
            Input = new AppointmentInput { DurationMinutes = 60, Channel = AppointmentChannel.InPerson, StaffUserId = currentUser.Id, WithWhom = currentUser.DisplayName };
            return Page();
        }

        var existing = await commands.GetAsync(engagementId, id.Value, ct);
        if (existing.Value is not { } a)
        {
            return NotFound();
        }

        var local = UkTime.FromUtc(a.StartsAt);
        Input = new AppointmentInput
        {
            Date = DateOnly.FromDateTime(local),
            Time = TimeOnly.FromDateTime(local),
            DurationMinutes = a.DurationMinutes,
            Channel = a.Channel,
            Place = a.Place,
            WithWhom = a.WithWhom,
            Purpose = a.Purpose,
            StaffUserId = a.StaffUserId,
            Attendance = a.Attendance,
            Version = a.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid engagementId, Guid? id, CancellationToken ct)
    {
        ModelState.Clear();
        if (Input.Time is null && Input.Date is not null)
        {
            ModelState.AddModelError("Input.Time", "Enter the time of the appointment, for example 14:30");
            return await LoadAsync(engagementId, id, ct) ?? Page();
        }

        var startsAt = Input.Date is { } date && Input.Time is { } time ? UkTime.ToUtc(date, time) : (DateTime?)null;
        var details = new AppointmentDetails(startsAt, Input.DurationMinutes, Input.Channel, Input.Place, Input.WithWhom, Input.Purpose,
            Input.StaffUserId ?? currentUser.Id!.Value);
        var result = id is null
            ? await commands.BookAsync(engagementId, details, ct)
            : await commands.UpdateAsync(engagementId, id.Value, details, Input.Attendance, Input.Version, ct);
        if (result.Outcome == ActivityOutcome.Done)
        {
            TempData["Confirmation"] = id is null ? $"The appointment is booked for {UkTime.Format(result.Value!.StartsAt)}." : "The appointment is saved.";
            return RedirectToPage("/Participants/Record", new { id = await db.Engagements.Where(e => e.Id == engagementId).Select(e => e.ParticipantId).SingleAsync(ct) });
        }

        return result.Handle(ModelState) ?? await LoadAsync(engagementId, id, ct) ?? Page();
    }

    /// <summary>One appointment as an iCalendar file, for anyone who may read the case (every role that can also edits some cases).</summary>
    public async Task<IActionResult> OnGetCalendarAsync(Guid engagementId, Guid? id, CancellationToken ct)
    {
        var result = id is null ? null : await commands.GetAsync(engagementId, id.Value, ct);
        if (result?.Value is not { } a)
        {
            return NotFound();
        }

        var reference = await db.Engagements.Where(e => e.Id == engagementId).Select(e => e.Participant!.Reference).SingleAsync(ct);
        var url = links.Page("/Participants/Record", new { id = await db.Engagements.Where(e => e.Id == engagementId).Select(e => e.ParticipantId).SingleAsync(ct) }).ToString();
        var ics = ICalendar.Write([new ICalendar.Event(a.Id, a.StartsAt, a.DurationMinutes, a.Channel, a.Place, a.WithWhom, reference, url)],
            clock.GetUtcNow().UtcDateTime, "Nolb appointment");
        return File(System.Text.Encoding.UTF8.GetBytes(ics), ICalendar.ContentType, $"appointment-{reference}.ics");
    }

    private async Task<IActionResult?> LoadAsync(Guid engagementId, Guid? id, CancellationToken ct)
    {
        var (view, outcome) = await access.EditAsync(engagementId, ct);
        if (view is null)
        {
            return outcome == ActivityOutcome.Forbidden ? Forbid() : NotFound();
        }

        IsNew = id is null;
        Heading = (view.Participant.Id, view.Participant.DisplayName, view.Participant.Reference, IsNew ? "Book an appointment" : "Change an appointment");
        var lepId = view.Engagement.LepId;
        Staff = await db.Users.AsNoTracking()
            .Where(u => u.LepId == lepId && !u.IsDisabled && (u.Role == Role.KeyWorker || u.Role == Role.TeamLeader))
            .OrderBy(u => u.DisplayName)
            .Select(u => new SelectListItem(u.DisplayName, u.Id.ToString()))
            .ToListAsync(ct);
        return null;
    }
}
