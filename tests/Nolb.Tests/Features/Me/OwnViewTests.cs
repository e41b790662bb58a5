using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.CaseActivity;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain;
using Nolb.Web.Domain.ActionPlans;
using Nolb.Web.Domain.CaseNotes;
using Nolb.Web.Features.Me;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Me;

/// <summary>
/// The participant's own view: they see their own plan, appointments and key worker, change only their own actions,
/// and reach nobody else's record, no case note, and no staff page or API.
/// </summary>
public sealed class OwnViewTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    [Fact]
    public async Task The_page_shows_the_persons_own_plan_appointment_and_key_worker_and_never_a_case_note()
    {
        var me = await app.LinkedPersonAsync(given: "Shona");
        await app.PlanItemAsync(me, "I want to work with animals", "Visit the city farm volunteering day");
        await app.NoteAsync(me.EngagementId, me.KeyWorker, "Ordinary note: talked about the farm");
        await app.NoteAsync(me.EngagementId, me.KeyWorker, "Sensitive note: disclosed a health matter", NoteSensitivity.Health);
        using (var staffApi = await app.ApiClientAsync(me.KeyWorker.Email!))
        {
            var booked = await staffApi.PostAsJsonAsync($"/api/v1/engagements/{me.EngagementId}/appointments", new
            {
                startsAt = DateTimeOffset.UtcNow.AddDays(2),
                durationMinutes = 30,
                channel = "Phone",
                withWhom = "Your key worker",
                purpose = "Talk about the farm",
            });
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        }

        using var client = await app.PageClientAsync(me.Account.Email!);
        var page = await client.PageTextAsync("/Me");
        var api = await (await app.ApiClientAsync(me.Account.Email!)).GetStringAsync("/api/v1/me/plan");
        var json = await client.GetStringAsync("/Me/Data?handler=Json");

        Assert.Contains("Hello Shona", page, StringComparison.Ordinal);
        Assert.Contains("I want to work with animals", page, StringComparison.Ordinal);
        Assert.Contains("Phone call with Your key worker", page, StringComparison.Ordinal);
        Assert.Contains(me.KeyWorker.DisplayName, page, StringComparison.Ordinal);
        Assert.Contains(me.KeyWorker.Email!, page, StringComparison.Ordinal);
        Assert.Contains("I want to work with animals", api, StringComparison.Ordinal);
        Assert.Contains(me.Person.Reference, json, StringComparison.Ordinal);
        Assert.Contains("Visit the city farm volunteering day", json, StringComparison.Ordinal);
        foreach (var text in new[] { page, api, json })
        {
            Assert.DoesNotContain("Ordinary note", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Sensitive note", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_participant_reaches_no_other_persons_record_and_no_staff_page_or_api()
    {
        var me = await app.LinkedPersonAsync();
        var other = await app.LinkedPersonAsync(given: "Otherperson");
        await app.PlanItemAsync(other, "Other persons goal", "Other persons action");
        using var client = await app.PageClientAsync(me.Account.Email!);
        using var api = await app.ApiClientAsync(me.Account.Email!);

        foreach (var path in new[] { $"/Participants/{other.Person.Id}", $"/Participants/{me.Person.Id}", $"/Engagements/{other.EngagementId}/ActionPlan", "/Caseload", "/Participants" })
        {
            CaseData.AssertAccessDenied(await client.GetAsync(path));
        }

        foreach (var path in new[]
        {
            $"/api/v1/participants/{other.Person.Id}", $"/api/v1/participants/{me.Person.Id}", $"/api/v1/engagements/{other.EngagementId}/action-plan",
            $"/api/v1/engagements/{me.EngagementId}/notes", $"/api/v1/engagements/{me.EngagementId}/appointments", "/api/v1/participants",
        })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(path)).StatusCode);
        }

        var page = await client.PageTextAsync("/Me");
        var plan = await api.GetStringAsync("/api/v1/me/plan");
        Assert.DoesNotContain("Otherperson", page + plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Other persons goal", page + plan, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Person.Reference, page + plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_participant_marks_their_own_action_done_but_not_someone_elses_or_their_key_workers()
    {
        var me = await app.LinkedPersonAsync();
        var other = await app.LinkedPersonAsync();
        var mine = await app.PlanItemAsync(me, "Get fit for work", "Walk every morning");
        var keyWorkers = await app.PlanItemAsync(me, "Get fit for work", "Find a gym with a discount", owner: "KeyWorker");
        var theirs = await app.PlanItemAsync(other, "Their goal", "Their action");
        using var client = await app.PageClientAsync(me.Account.Email!);

        async Task<HttpResponseMessage> DoneAsync(Guid itemId)
        {
            var version = await app.WithDbAsync(db => db.ActionPlanItems.Where(i => i.Id == itemId).Select(i => i.Version).SingleAsync());
            return await client.SubmitFormAsync("/Me/AddGoal", new() { ["itemId"] = itemId.ToString(), ["version"] = version.ToString() }, "/Me?handler=Done");
        }

        Assert.Equal(HttpStatusCode.Redirect, (await DoneAsync(mine)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await DoneAsync(theirs)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await DoneAsync(keyWorkers)).StatusCode);

        var statuses = await app.WithDbAsync(db => db.ActionPlanItems.AsNoTracking()
            .Where(i => i.Id == mine || i.Id == theirs || i.Id == keyWorkers).ToDictionaryAsync(i => i.Id, i => i.Status));
        Assert.Equal(ActionStatus.Done, statuses[mine]);
        Assert.Equal(ActionStatus.NotStarted, statuses[theirs]);
        Assert.Equal(ActionStatus.NotStarted, statuses[keyWorkers]);
    }

    [Fact]
    public async Task Through_the_api_a_participant_marks_their_own_action_done_and_anyone_elses_answers_404()
    {
        var me = await app.LinkedPersonAsync();
        var other = await app.LinkedPersonAsync();
        var mine = await app.PlanItemAsync(me, "Get a library card", "Take a letter with my address");
        var theirs = await app.PlanItemAsync(other, "Their goal", "Their action");
        using var api = await app.ApiClientAsync(me.Account.Email!);

        async Task<HttpResponseMessage> DoneAsync(Guid itemId)
        {
            var version = await app.WithDbAsync(db => db.ActionPlanItems.Where(i => i.Id == itemId).Select(i => i.Version).SingleAsync());
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/me/plan/items/{itemId}/done");
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
            return await api.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.OK, (await DoneAsync(mine)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await DoneAsync(theirs)).StatusCode);
        Assert.Equal(ActionStatus.Done, await app.WithDbAsync(db => db.ActionPlanItems.Where(i => i.Id == mine).Select(i => i.Status).SingleAsync()));
        Assert.Equal(ActionStatus.NotStarted, await app.WithDbAsync(db => db.ActionPlanItems.Where(i => i.Id == theirs).Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_stale_version_is_refused_through_the_api_and_changes_nothing()
    {
        var me = await app.LinkedPersonAsync();
        var mine = await app.PlanItemAsync(me, "Get a bus pass", "Fill in the form");
        using var api = await app.ApiClientAsync(me.Account.Email!);

        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/me/plan/items/{mine}/done");
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{Guid.NewGuid()}\"");
        var response = await api.SendAsync(request);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(ActionStatus.NotStarted, await app.WithDbAsync(db => db.ActionPlanItems.Where(i => i.Id == mine).Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_participant_adds_their_own_goal_and_an_empty_one_is_explained()
    {
        var me = await app.LinkedPersonAsync();
        using var client = await app.PageClientAsync(me.Account.Email!);

        var empty = await client.SubmitFormAsync("/Me/AddGoal", new() { ["Input.Goal"] = "", ["Input.Action"] = "" });
        var added = await client.SubmitFormAsync("/Me/AddGoal", new() { ["Input.Goal"] = "Learn to cook for my kids", ["Input.Action"] = "Join the Thursday cooking class" });

        var emptyPage = await empty.TextAsync();
        Assert.Contains("Write your goal", emptyPage, StringComparison.Ordinal);
        Assert.Contains("Write one thing you will do next", emptyPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var item = await app.WithDbAsync(db => db.ActionPlanItems.AsNoTracking()
            .SingleAsync(i => db.ActionPlans.Any(p => p.Id == i.ActionPlanId && p.EngagementId == me.EngagementId)));
        Assert.Equal(("Learn to cook for my kids", ActionOwner.Participant, me.Account.Id), (item.Goal, item.Owner, item.CreatedByUserId));
        Assert.Contains("Learn to cook for my kids", await client.PageTextAsync($"/Me"), StringComparison.Ordinal);

        using var api = await app.ApiClientAsync(me.Account.Email!);
        var invalid = await api.PostAsJsonAsync("/api/v1/me/plan/goals", new { goal = "x", action = "y", dueDate = CaseData.Today.AddDays(-1).Iso() });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("dueDate", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_downloads_are_a_pdf_and_json_of_the_persons_own_data_and_each_is_audited()
    {
        var me = await app.LinkedPersonAsync();
        await app.PlanItemAsync(me, "Pass my driving test", "Book a lesson");
        using var client = await app.PageClientAsync(me.Account.Email!);

        var pdf = await client.GetAsync("/Me/Data?handler=Pdf");
        var json = await client.GetAsync("/Me/Data?handler=Json");
        using var api = await app.ApiClientAsync(me.Account.Email!);
        var data = await (await api.GetAsync("/api/v1/me/data")).JsonAsync();

        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(bytes, 0, 4), StringComparison.Ordinal);
        Assert.Contains("Pass my driving test", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        Assert.Equal(me.Person.Reference, data.GetProperty("aboutYou").GetProperty("reference").GetString());
        Assert.Equal("Pass my driving test", data.GetProperty("plan")[0].GetProperty("goal").GetString());
        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a =>
            a.Action == AuditAction.Read && a.EntityType == DataModel.AuditedAs && a.EntityId == me.Person.Id.ToString()));
        Assert.Equal(3, audited);
    }

    [Fact]
    public async Task The_calendar_file_holds_the_persons_own_upcoming_appointments()
    {
        var me = await app.LinkedPersonAsync();
        using (var staffApi = await app.ApiClientAsync(me.KeyWorker.Email!))
        {
            var booked = await staffApi.PostAsJsonAsync($"/api/v1/engagements/{me.EngagementId}/appointments", new
            {
                startsAt = DateTimeOffset.UtcNow.AddDays(5),
                durationMinutes = 60,
                channel = "Video",
                withWhom = "Money adviser",
            });
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        }

        using var client = await app.PageClientAsync(me.Account.Email!);
        var response = await client.GetAsync("/Me?handler=Calendar");

        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.Contains("BEGIN:VEVENT", ics, StringComparison.Ordinal);
        Assert.Contains(me.Person.Reference, ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_participant_account_with_no_linked_record_gets_404_from_the_api_and_a_plain_message_on_the_page_and_staff_get_403()
    {
        var unlinked = await app.CreateUserAsync(Role.Participant);
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        using var api = await app.ApiClientAsync(unlinked.Email!);
        using var client = await app.PageClientAsync(unlinked.Email!);
        using var staffApi = await app.ApiClientAsync(keyWorker.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/me/plan")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/me/data")).StatusCode);
        Assert.Contains("not linked to your support record", await client.PageTextAsync("/Me"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await staffApi.GetAsync("/api/v1/me/plan")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staffApi.GetAsync("/api/v1/me/data")).StatusCode);
    }
}
