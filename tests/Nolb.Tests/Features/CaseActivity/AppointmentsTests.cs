using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain.Appointments;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.CaseActivity;

/// <summary>Appointments: booking on the page, attendance, the upcoming list, the diary's iCalendar file, API validation, concurrency and tenancy.</summary>
public sealed class AppointmentsTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private static string Url(Guid engagementId) => $"/api/v1/engagements/{engagementId}/appointments";

    private static object Body(DateTimeOffset startsAt, string channel = "Phone", string? place = null, string withWhom = "Key worker", string? attendance = null, Guid? staffUserId = null, int duration = 30) =>
        new { startsAt, durationMinutes = duration, channel, place, withWhom, purpose = "Review the plan", staffUserId, attendance };

    private static async Task<(Guid Id, string ETag)> BookAsync(HttpClient api, Guid engagementId, object body)
    {
        var response = await api.PostAsJsonAsync(Url(engagementId), body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return ((await response.JsonAsync()).GetProperty("id").GetGuid(), response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task A_booked_appointment_is_kept_in_utc_and_shown_in_uk_time_on_the_record_and_the_caseload()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker, name: "Ailsa Appointments");
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var client = await app.PageClientAsync(keyWorker.Email!);
        var day = CaseData.Today.AddDays(3);

        var response = await client.SubmitFormAsync($"/Participants/Engagements/{engagementId}/Appointments", new()
        {
            ["Input.Date"] = day.Iso(),
            ["Input.Time"] = "14:30",
            ["Input.DurationMinutes"] = "45",
            ["Input.Channel"] = nameof(AppointmentChannel.InPerson),
            ["Input.Place"] = "Govan Hub, room 2",
            ["Input.WithWhom"] = "Ailsa (key worker)",
            ["Input.StaffUserId"] = keyWorker.Id.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.EngagementId == engagementId));
        Assert.Equal(UkTime.ToUtc(day, new TimeOnly(14, 30)), stored.StartsAt);
        Assert.Equal((45, AppointmentChannel.InPerson, keyWorker.Id), (stored.DurationMinutes, stored.Channel, stored.StaffUserId));
        var when = UkTime.Format(stored.StartsAt);
        Assert.EndsWith("at 14:30", when, StringComparison.Ordinal);
        var record = await client.PageTextAsync($"/Participants/{person.Id}");
        Assert.Contains($"{when}</strong>: with Ailsa (key worker), in person, Govan Hub, room 2.", record, StringComparison.Ordinal);
        Assert.Contains(when, await client.PageTextAsync("/Caseload"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attendance_is_recorded_once_an_appointment_has_started_and_a_cancelled_one_is_no_longer_upcoming()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var api = await app.ApiClientAsync(keyWorker.Email!);
        var pastStart = DateTimeOffset.UtcNow.AddHours(-2);
        var futureStart = DateTimeOffset.UtcNow.AddDays(2);
        var (past, pastTag) = await BookAsync(api, engagementId, Body(pastStart));
        var (future, futureTag) = await BookAsync(api, engagementId, Body(futureStart));

        var attended = await api.PutAsync($"{Url(engagementId)}/{past}", Body(pastStart, attendance: "Attended"), pastTag);
        var tooSoon = await api.PutAsync($"{Url(engagementId)}/{future}", Body(futureStart, attendance: "Attended"), futureTag);
        var cancelled = await api.PutAsync($"{Url(engagementId)}/{future}", Body(futureStart, attendance: "Cancelled"), futureTag);

        Assert.Equal(HttpStatusCode.OK, attended.StatusCode);
        Assert.Equal("Attended", (await attended.JsonAsync()).GetProperty("attendance").GetString());
        Assert.Equal(["attendance"], await tooSoon.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var stored = await app.WithDbAsync(db => db.Appointments.AsNoTracking().Where(a => a.EngagementId == engagementId).ToDictionaryAsync(a => a.Id, a => a.Attendance));
        Assert.Equal(Attendance.Attended, stored[past]);
        Assert.Equal(Attendance.Cancelled, stored[future]);
        using var pages = await app.PageClientAsync(keyWorker.Email!);
        Assert.Contains("No appointments are booked.", await pages.PageTextAsync($"/Participants/{person.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_diary_download_is_rfc_5545_icalendar_with_only_the_key_workers_upcoming_appointments()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var colleague = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var api = await app.ApiClientAsync(keyWorker.Email!);
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(5).AddHours(9).AddMinutes(15), TimeSpan.Zero);
        var place = "Café Rouge, 12 Argyle St; back room, ask at the bar for the employability team from Glasgow City Works Together";
        var (mine, _) = await BookAsync(api, engagementId, Body(start, "InPerson", place, withWhom: "Ailsa, key worker"));
        var (theirs, _) = await BookAsync(api, engagementId, Body(start.AddHours(2), staffUserId: colleague.Id));
        using var pages = await app.PageClientAsync(keyWorker.Email!);

        var response = await pages.GetAsync("/Appointments/Diary?handler=Calendar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var ics = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotMatch(new Regex("[^\r]\n|\r[^\n]"), ics);
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.All(ics.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Line longer than 75 octets: {line}"));
        var lines = ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n");
        Assert.Contains($"UID:{mine:D}@nolb.scot", lines);
        Assert.DoesNotContain(lines, l => l.Contains(theirs.ToString("D"), StringComparison.Ordinal));
        Assert.Contains("LOCATION:Café Rouge\\, 12 Argyle St\\; back room\\, ask at the bar for the employability team from Glasgow City Works Together", lines);
        Assert.Contains("DTSTART:" + start.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture), lines);
        Assert.Contains("DTEND:" + start.UtcDateTime.AddMinutes(30).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture), lines);
        Assert.Matches(new Regex(@"^DTSTAMP:\d{8}T\d{6}Z$"), Assert.Single(lines, l => l.StartsWith("DTSTAMP:", StringComparison.Ordinal)));
        Assert.Contains($"SUMMARY:Appointment {person.Reference} (In person)", lines);
        Assert.DoesNotContain("Review the plan", ics, StringComparison.Ordinal);
        Assert.DoesNotContain(person.FamilyName, ics, StringComparison.Ordinal);
        Assert.Equal(["BEGIN:VCALENDAR", "VERSION:2.0"], lines.Take(2));
    }

    [Fact]
    public async Task One_appointment_downloads_from_the_record_as_a_calendar_file_and_the_diary_page_lists_it()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var api = await app.ApiClientAsync(keyWorker.Email!);
        var (id, _) = await BookAsync(api, engagementId, Body(DateTimeOffset.UtcNow.AddDays(2), "Video", "https://meet.example.org/abc"));
        using var pages = await app.PageClientAsync(keyWorker.Email!);

        var record = await pages.PageTextAsync($"/Participants/{person.Id}");
        var link = $"/Participants/Engagements/{engagementId}/Appointments/{id}?handler=Calendar";
        var file = await pages.GetAsync(link);
        var diary = await pages.PageTextAsync("/Appointments/Diary");

        Assert.Contains($"href=\"{link}\"", record, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal($"appointment-{person.Reference}.ics", file.Content.Headers.ContentDisposition!.FileName);
        var ics = (await file.Content.ReadAsStringAsync()).Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains($"\r\nUID:{id:D}@nolb.scot\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nLOCATION:https://meet.example.org/abc\r\n", ics, StringComparison.Ordinal);
        Assert.Contains(person.Reference, diary, StringComparison.Ordinal);
        Assert.Contains("Video, https://meet.example.org/abc", diary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("startsAt")]
    [InlineData("durationMinutes")]
    [InlineData("place")]
    [InlineData("withWhom")]
    [InlineData("staffUserId")]
    public async Task A_bad_booking_answers_400_naming_the_field_and_books_nothing(string field)
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var fife = await app.StaffAsync(Role.KeyWorker, NolbAppFactory.Fife);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var api = await app.ApiClientAsync(keyWorker.Email!);
        var start = DateTimeOffset.UtcNow.AddDays(1);
        var body = field switch
        {
            "startsAt" => (object)new { durationMinutes = 30, channel = "Phone", withWhom = "Key worker" },
            "durationMinutes" => Body(start, duration: 0),
            "place" => Body(start, "InPerson", place: null),
            "withWhom" => Body(start, withWhom: " "),
            _ => Body(start, staffUserId: fife.Id),
        };

        var response = await api.PostAsJsonAsync(Url(engagementId), body);

        Assert.Equal([field], await response.ErrorFieldsAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Appointments.CountAsync(a => a.EngagementId == engagementId)));
    }

    [Fact]
    public async Task Changing_an_appointment_with_a_stale_etag_answers_412_and_keeps_the_newer_change()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var api = await app.ApiClientAsync(keyWorker.Email!);
        var start = DateTimeOffset.UtcNow.AddDays(4);
        var (id, etag) = await BookAsync(api, engagementId, Body(start));

        var first = await api.PutAsync($"{Url(engagementId)}/{id}", Body(start, withWhom: "Money adviser"), etag);
        var second = await api.PutAsync($"{Url(engagementId)}/{id}", Body(start, withWhom: "Someone else"), etag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        Assert.Equal("Money adviser", (await app.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == id))).WithWhom);
    }

    [Fact]
    public async Task Another_leps_appointments_answer_404_on_the_api_pages_and_calendar_download()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var fife = await app.StaffAsync(Role.TeamLeader, NolbAppFactory.Fife);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var api = await app.ApiClientAsync(keyWorker.Email!);
        var start = DateTimeOffset.UtcNow.AddDays(1);
        var (id, etag) = await BookAsync(api, engagementId, Body(start));
        using var fifeApi = await app.ApiClientAsync(fife.Email!);
        using var fifePages = await app.PageClientAsync(fife.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await fifeApi.GetAsync(Url(engagementId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fifeApi.GetAsync($"{Url(engagementId)}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fifeApi.PostAsJsonAsync(Url(engagementId), Body(start))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fifeApi.PutAsync($"{Url(engagementId)}/{id}", Body(start, attendance: "Cancelled"), etag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fifePages.GetAsync($"/Participants/Engagements/{engagementId}/Appointments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fifePages.GetAsync($"/Participants/Engagements/{engagementId}/Appointments/{id}?handler=Calendar")).StatusCode);
        Assert.Null((await app.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == id))).Attendance);
    }

    [Fact]
    public async Task Listing_appointments_is_audited_against_the_engagement()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var api = await app.ApiClientAsync(keyWorker.Email!);

        var list = await api.GetFromJsonAsync<JsonElement>(Url(engagementId));

        Assert.Equal(JsonValueKind.Array, list.ValueKind);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a =>
            a.Action == Nolb.Web.Domain.AuditAction.Read && a.EntityType == "Appointments" && a.EntityId == engagementId.ToString())));
    }
}
