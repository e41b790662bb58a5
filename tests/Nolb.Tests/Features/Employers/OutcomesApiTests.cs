using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;
using static Nolb.Tests.Features.Participants.ParticipantApiClient;

namespace Nolb.Tests.Features.Employers;

/// <summary>Outcomes through the API: a job moves the person to stage 5, sustainment checks fall due at 13, 26 and 52 weeks, and the due lists.</summary>
public sealed class OutcomesApiTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private static readonly string[] TransportAndPay = ["Transport", "PayRise"];

    private async Task<(NolbUser User, HttpClient Client)> KeyWorkerAsync(string lep = NolbAppFactory.Glasgow, Role role = Role.KeyWorker)
    {
        var user = await app.CreateUserAsync(role, lep);
        return (user, await app.ApiClientAsync(user.Email!));
    }

    private static object Job(DateOnly start, Guid? employerId = null, bool? moveToStage5 = null) => new
    {
        kind = "JobEntry",
        startDate = start.Iso(),
        employerId,
        organisationName = employerId is null ? "Corner Café" : null,
        jobTitle = "Kitchen assistant",
        socCode = "9263",
        hoursPerWeek = 20,
        hourlyPay = 12.60,
        contract = "Permanent",
        moveToStage5,
    };

    [Fact]
    public async Task A_job_entry_moves_the_person_to_stage_5_and_sets_three_sustainment_checks()
    {
        var (worker, client) = await KeyWorkerAsync();
        var person = await app.PersonAtStageAsync(worker, 4);
        var employer = await app.EmployerAsync();
        var start = Today.AddDays(-3);

        var body = await (await client.PostAsJsonAsync($"/api/v1/engagements/{person.EngagementId()}/outcomes", Job(start, employer.Id))).OkJsonAsync(HttpStatusCode.Created);

        Assert.True(body.GetProperty("movedToStage5").GetBoolean());
        var outcome = body.GetProperty("outcome");
        Assert.Equal(employer.Name, outcome.GetProperty("employerName").GetString());
        Assert.Equal("Kitchen and catering assistants", outcome.GetProperty("occupation").GetString());
        Assert.Equal([13, 26, 52], outcome.GetProperty("sustainmentChecks").EnumerateArray().Select(c => c.GetProperty("weeks").GetInt32()));
        Assert.Equal(start.AddDays(91).Iso(), outcome.GetProperty("sustainmentChecks")[0].GetProperty("dueDate").GetString());
        var engagement = (await app.ReloadAsync(person.Id)).Engagements.Single();
        Assert.Equal(PipelineStage.InWorkSupportAndAftercare, engagement.CurrentStage);
        Assert.Equal(start, engagement.StageMoves.OrderBy(m => m.Date).ThenBy(m => m.RecordedAt).Last().Date);
    }

    /// <summary>PUT /api/v1/outcomes/{id} corrects an outcome with If-Match; a stale version is 412 and changes nothing.</summary>
    [Fact]
    public async Task An_outcome_is_corrected_with_its_version_and_a_stale_version_is_refused()
    {
        var (worker, client) = await KeyWorkerAsync();
        var person = await app.PersonAtStageAsync(worker, 4);
        var outcome = (await (await client.PostAsJsonAsync($"/api/v1/engagements/{person.EngagementId()}/outcomes", Job(Today.AddDays(-10)))).OkJsonAsync(HttpStatusCode.Created)).GetProperty("outcome");
        var id = outcome.GetProperty("id").GetGuid();
        var version = $"\"{outcome.GetProperty("version").GetGuid()}\"";
        var corrected = new { startDate = Today.AddDays(-8).Iso(), organisationName = "Corner Café", jobTitle = "Cook", socCode = "5435", hoursPerWeek = 24, hourlyPay = 13.00, contract = "Permanent" };

        var missing = await client.PutAsync($"/api/v1/outcomes/{id}", corrected, ifMatch: null);
        var changed = await (await client.PutAsync($"/api/v1/outcomes/{id}", corrected, version)).OkJsonAsync();
        var stale = await client.PutAsync($"/api/v1/outcomes/{id}", corrected, version);

        Assert.Equal((HttpStatusCode)428, missing.StatusCode);
        Assert.Equal("Cook", changed.GetProperty("jobTitle").GetString());
        Assert.Equal("JobEntry", changed.GetProperty("kind").GetString());
        Assert.Equal(Today.AddDays(-8 + 91).Iso(), changed.GetProperty("sustainmentChecks")[0].GetProperty("dueDate").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_key_worker_can_record_a_job_without_moving_the_stage()
    {
        var (worker, client) = await KeyWorkerAsync();
        var person = await app.PersonAtStageAsync(worker, 4);

        var body = await (await client.PostAsJsonAsync($"/api/v1/engagements/{person.EngagementId()}/outcomes", Job(Today, moveToStage5: false))).OkJsonAsync(HttpStatusCode.Created);

        Assert.False(body.GetProperty("movedToStage5").GetBoolean());
        Assert.Equal(PipelineStage.EmployerEngagementAndJobMatching, (await app.ReloadAsync(person.Id)).Engagements.Single().CurrentStage);
    }

    [Fact]
    public async Task Education_has_no_sustainment_checks_and_does_not_move_the_stage()
    {
        var (worker, client) = await KeyWorkerAsync();
        var person = await app.PersonAtStageAsync(worker, 3);

        var body = await (await client.PostAsJsonAsync($"/api/v1/engagements/{person.EngagementId()}/outcomes",
            new { kind = "Education", startDate = Today.Iso(), organisationName = "Glasgow Clyde College", description = "HNC Social Care" })).OkJsonAsync(HttpStatusCode.Created);

        Assert.Equal(0, body.GetProperty("outcome").GetProperty("sustainmentChecks").GetArrayLength());
        Assert.Equal(PipelineStage.VocationalActivity, (await app.ReloadAsync(person.Id)).Engagements.Single().CurrentStage);
    }

    [Theory]
    [InlineData("kind")]
    [InlineData("startDate")]
    [InlineData("socCode")]
    [InlineData("hoursPerWeek")]
    [InlineData("hourlyPay")]
    [InlineData("contract")]
    public async Task A_job_missing_a_required_field_answers_400_naming_it_and_records_nothing(string missing)
    {
        var (worker, client) = await KeyWorkerAsync();
        var person = await app.PersonAtStageAsync(worker, 4);
        var body = JsonSerializer.SerializeToElement(Job(Today)).EnumerateObject().Where(p => p.Name != missing).ToDictionary(p => p.Name, p => (object?)p.Value);

        var response = await client.PostAsJsonAsync($"/api/v1/engagements/{person.EngagementId()}/outcomes", body);

        Assert.Contains(missing, await response.ErrorFieldsAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Outcomes.CountAsync(o => o.EngagementId == person.EngagementId())));
    }

    [Fact]
    public async Task A_job_started_on_29_february_has_checks_on_30_may_29_august_and_27_february()
    {
        var (worker, client) = await KeyWorkerAsync();
        var person = await app.PersonAtStageAsync(worker, 4, started: new DateOnly(2024, 1, 15));

        await (await client.PostAsJsonAsync($"/api/v1/engagements/{person.EngagementId()}/outcomes", Job(new DateOnly(2024, 2, 29)))).OkJsonAsync(HttpStatusCode.Created);
        var outcomes = await client.GetFromJsonAsync<JsonElement>($"/api/v1/engagements/{person.EngagementId()}/outcomes");

        var checks = outcomes.GetProperty("outcomes")[0].GetProperty("sustainmentChecks").EnumerateArray().ToList();
        Assert.Equal(["2024-05-30", "2024-08-29", "2025-02-27"], checks.Select(c => c.GetProperty("dueDate").GetString()));
        Assert.All(checks, c => Assert.True(c.GetProperty("overdue").GetBoolean()));
    }

    [Fact]
    public async Task A_job_started_at_a_month_end_has_checks_13_26_and_52_weeks_on()
    {
        var (worker, client) = await KeyWorkerAsync();
        var person = await app.PersonAtStageAsync(worker, 4, started: new DateOnly(2025, 1, 2));

        var body = await (await client.PostAsJsonAsync($"/api/v1/engagements/{person.EngagementId()}/outcomes", Job(new DateOnly(2025, 1, 31)))).OkJsonAsync(HttpStatusCode.Created);

        Assert.Equal(["2025-05-02", "2025-08-01", "2026-01-30"],
            body.GetProperty("outcome").GetProperty("sustainmentChecks").EnumerateArray().Select(c => c.GetProperty("dueDate").GetString()));
    }

    [Fact]
    public async Task The_due_list_shows_my_overdue_and_soon_due_checks_but_not_later_ones_or_other_key_workers()
    {
        var (worker, client) = await KeyWorkerAsync();
        var (other, otherClient) = await KeyWorkerAsync();
        var overdue = await app.PersonAtStageAsync(worker, 4, started: Today.AddDays(-200));
        var soon = await app.PersonAtStageAsync(worker, 4, started: Today.AddDays(-200));
        var someoneElses = await app.PersonAtStageAsync(other, 4, started: Today.AddDays(-200));
        await (await client.PostAsJsonAsync($"/api/v1/engagements/{overdue.EngagementId()}/outcomes", Job(Today.AddDays(-100)))).OkJsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync($"/api/v1/engagements/{soon.EngagementId()}/outcomes", Job(Today.AddDays(-80)))).OkJsonAsync(HttpStatusCode.Created);
        await (await otherClient.PostAsJsonAsync($"/api/v1/engagements/{someoneElses.EngagementId()}/outcomes", Job(Today.AddDays(-100)))).OkJsonAsync(HttpStatusCode.Created);

        var due = (await client.GetFromJsonAsync<JsonElement>("/api/v1/sustainment/due")).EnumerateArray().ToList();

        Assert.Equal([overdue.Id, soon.Id], due.Select(d => d.GetProperty("participantId").GetGuid()));
        Assert.Equal([13, 13], due.Select(d => d.GetProperty("weeks").GetInt32()));
        Assert.Equal([true, false], due.Select(d => d.GetProperty("overdue").GetBoolean()));
        Assert.Equal(Today.AddDays(-9).Iso(), due[0].GetProperty("dueDate").GetString());

        var lep = (await client.GetFromJsonAsync<JsonElement>("/api/v1/sustainment/due?scope=lep")).EnumerateArray().Select(d => d.GetProperty("participantId").GetGuid()).ToList();
        Assert.Contains(someoneElses.Id, lep);
        Assert.Contains(overdue.Id, lep);
    }

    [Fact]
    public async Task Another_leps_checks_are_never_on_the_due_list_and_its_outcomes_answer_404()
    {
        var (worker, client) = await KeyWorkerAsync();
        var (_, fife) = await KeyWorkerAsync(NolbAppFactory.Fife, Role.TeamLeader);
        var person = await app.PersonAtStageAsync(worker, 4, started: Today.AddDays(-200));
        var recorded = await (await client.PostAsJsonAsync($"/api/v1/engagements/{person.EngagementId()}/outcomes", Job(Today.AddDays(-100)))).OkJsonAsync(HttpStatusCode.Created);
        var checkId = recorded.GetProperty("outcome").GetProperty("sustainmentChecks")[0].GetProperty("id").GetGuid();
        var version = recorded.GetProperty("outcome").GetProperty("sustainmentChecks")[0].GetProperty("version").GetGuid();

        var due = (await fife.GetFromJsonAsync<JsonElement>("/api/v1/sustainment/due?scope=lep")).EnumerateArray();
        Assert.DoesNotContain(due, d => d.GetProperty("participantId").GetGuid() == person.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync($"/api/v1/engagements/{person.EngagementId()}/outcomes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fife.PostAsJsonAsync($"/api/v1/engagements/{person.EngagementId()}/outcomes", Job(Today))).StatusCode);
        var check = await fife.PutAsync($"/api/v1/sustainment/checks/{checkId}", new { result = "Sustained", evidence = "Payslip", checkedOn = Today.Iso() }, $"\"{version}\"");
        Assert.Equal(HttpStatusCode.NotFound, check.StatusCode);
    }

    [Fact]
    public async Task Recording_a_check_needs_if_match_and_not_sustained_ends_the_later_checks()
    {
        var (worker, client) = await KeyWorkerAsync();
        var person = await app.PersonAtStageAsync(worker, 4, started: Today.AddDays(-200));
        var recorded = await (await client.PostAsJsonAsync($"/api/v1/engagements/{person.EngagementId()}/outcomes", Job(Today.AddDays(-100)))).OkJsonAsync(HttpStatusCode.Created);
        var first = recorded.GetProperty("outcome").GetProperty("sustainmentChecks")[0];
        var url = $"/api/v1/sustainment/checks/{first.GetProperty("id").GetGuid()}";
        var body = new { result = "NotSustained", evidence = "EmployerConfirmation", checkedOn = Today.Iso(), notes = "Left after 12 weeks" };

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await client.PutAsync(url, body, null)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.PutAsync(url, body, $"\"{Guid.NewGuid()}\"")).StatusCode);
        var done = await client.PutAsync(url, body, $"\"{first.GetProperty("version").GetGuid()}\"");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var again = await client.PutAsync(url, body, done.Headers.ETag!.Tag);
        Assert.Equal(["result"], await again.ErrorFieldsAsync());

        var checks = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/engagements/{person.EngagementId()}/outcomes"))
            .GetProperty("outcomes")[0].GetProperty("sustainmentChecks").EnumerateArray().ToList();
        Assert.Equal("NotSustained", checks[0].GetProperty("result").GetString());
        Assert.True(checks[1].GetProperty("notNeeded").GetBoolean());
        Assert.True(checks[2].GetProperty("notNeeded").GetBoolean());
        Assert.DoesNotContain((await client.GetFromJsonAsync<JsonElement>("/api/v1/sustainment/due")).EnumerateArray(), d => d.GetProperty("participantId").GetGuid() == person.Id);
    }

    [Theory]
    [InlineData("Sustained", "ContactAttempts", 0, "evidence")]
    [InlineData("UnableToContact", "Payslip", 0, "evidence")]
    [InlineData("Sustained", "Payslip", 1, "checkedOn")]
    [InlineData(null, "Payslip", 0, "result")]
    public async Task An_invalid_check_answers_400_naming_the_field(string? result, string evidence, int daysFromToday, string field)
    {
        var (worker, client) = await KeyWorkerAsync();
        var person = await app.PersonAtStageAsync(worker, 4, started: Today.AddDays(-200));
        var recorded = await (await client.PostAsJsonAsync($"/api/v1/engagements/{person.EngagementId()}/outcomes", Job(Today.AddDays(-100)))).OkJsonAsync(HttpStatusCode.Created);
        var first = recorded.GetProperty("outcome").GetProperty("sustainmentChecks")[0];

        var response = await client.PutAsync($"/api/v1/sustainment/checks/{first.GetProperty("id").GetGuid()}",
            new { result, evidence, checkedOn = Today.AddDays(daysFromToday).Iso() }, $"\"{first.GetProperty("version").GetGuid()}\"");

        Assert.Equal([field], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Reading_outcomes_is_audited_and_aftercare_contacts_are_listed()
    {
        var (worker, client) = await KeyWorkerAsync();
        var person = await app.PersonAtStageAsync(worker, 5);

        var added = await client.PostAsJsonAsync($"/api/v1/engagements/{person.EngagementId()}/aftercare",
            new { date = Today.Iso(), method = "Phone", issues = TransportAndPay, notes = "Bus times changed", actions = "Apply for a bus pass" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var outcomes = await client.GetFromJsonAsync<JsonElement>($"/api/v1/engagements/{person.EngagementId()}/outcomes");

        Assert.Equal(["Transport", "PayRise"], outcomes.GetProperty("aftercare")[0].GetProperty("issues").EnumerateArray().Select(i => i.GetString()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == AuditAction.Read && a.EntityType == "Outcomes" && a.EntityId == person.EngagementId().ToString() && a.ActorUserId == worker.Id)));
    }
}
