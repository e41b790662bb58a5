using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Assessments;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;
using static Nolb.Tests.Features.Participants.ParticipantApiClient;

namespace Nolb.Tests.Features.Employers;

/// <summary>Employers, vacancies, placements and matching through the API: validation, Fair Work markers, If-Match, tenancy and ranking.</summary>
public sealed class EmployersApiTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private static readonly string[] MondayToWednesday = ["Monday", "Tuesday", "Wednesday"];
    private static readonly string[] Goal9263 = ["9263"];
    private static readonly string[] Goal6135 = ["6135"];
    private static readonly string[] GoalChef = ["chef"];
    private static readonly string[] Goal5434 = ["5434"];
    private static readonly string[] Goal5435 = ["5435"];

    private async Task<(NolbUser User, HttpClient Client)> UserAsync(Role role = Role.EmployerEngagementOfficer, string lep = NolbAppFactory.Glasgow)
    {
        var user = await app.CreateUserAsync(role, lep);
        return (user, await app.ApiClientAsync(user.Email!));
    }

    private static object Vacancy(Guid employerId, string soc = "9263", decimal? pay = 12.60m, string contract = "Permanent", decimal? hours = 20, string postcode = "G31 2AB") => new
    {
        employerId,
        title = "Kitchen assistant",
        socCode = soc,
        postcode,
        hoursPerWeek = hours,
        hourlyPay = pay,
        contract,
        days = new[] { "Monday", "Tuesday" },
        closingDate = Today.AddDays(14).Iso(),
        requirements = "Food hygiene certificate, or willing to get one",
    };

    [Fact]
    public async Task An_officer_adds_an_employer_with_its_fair_work_commitments_and_logs_engagement()
    {
        var (officer, client) = await UserAsync();

        var created = await (await client.PostAsJsonAsync("/api/v1/employers", new
        {
            name = "Clyde Catering",
            sector = "I",
            size = "Small",
            town = "Glasgow",
            postcode = "g31 2ab",
            contactName = "Ailsa Brown",
            contactEmail = "ailsa@example.org",
            realLivingWageEmployer = true,
            disabilityConfident = "Committed",
        })).OkJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var logged = await client.PostAsJsonAsync($"/api/v1/employers/{id}/activities", new { date = Today.Iso(), kind = "JobCarving", notes = "Split the kitchen porter role into two part-time jobs" });
        var employer = await client.GetFromJsonAsync<JsonElement>($"/api/v1/employers/{id}");

        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        Assert.Equal("Accommodation and food service activities", employer.GetProperty("sectorTitle").GetString());
        Assert.Equal("G31 2AB", employer.GetProperty("postcode").GetString());
        Assert.True(employer.GetProperty("realLivingWageEmployer").GetBoolean());
        Assert.Equal("JobCarving", employer.GetProperty("activities")[0].GetProperty("kind").GetString());
        Assert.Equal(officer.Id, employer.GetProperty("activities")[0].GetProperty("recordedBy").GetGuid());
    }

    [Fact]
    public async Task Bad_employer_input_answers_400_naming_each_field_and_saves_nothing()
    {
        var (_, client) = await UserAsync();
        var before = await app.CountAsync<Employer>();

        var response = await client.PostAsJsonAsync("/api/v1/employers", new { name = " ", contactEmail = "not-an-email" });

        Assert.Equal(["contactEmail", "name", "sector", "size"], (await response.ErrorFieldsAsync()).Order());
        Assert.Equal(before, await app.CountAsync<Employer>());
    }

    [Fact]
    public async Task Changing_an_employer_needs_its_etag_and_a_stale_one_answers_412()
    {
        var (_, client) = await UserAsync();
        var employer = await app.EmployerAsync();
        var read = await client.GetAsync($"/api/v1/employers/{employer.Id}");
        var etag = read.Headers.ETag!.Tag;
        var change = new { name = "Renamed Ltd", sector = "G", size = "Medium" };

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await client.PutAsync($"/api/v1/employers/{employer.Id}", change, null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"/api/v1/employers/{employer.Id}", change, etag)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.PutAsync($"/api/v1/employers/{employer.Id}", new { name = "Again", sector = "G", size = "Medium" }, etag)).StatusCode);
        Assert.Equal("Renamed Ltd", await app.WithDbAsync(db => db.Employers.Where(e => e.Id == employer.Id).Select(e => e.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_vacancy_shows_plainly_which_fair_work_markers_it_meets()
    {
        var (_, client) = await UserAsync();
        var employer = await app.EmployerAsync();

        var fair = await (await client.PostAsJsonAsync("/api/v1/vacancies", Vacancy(employer.Id))).OkJsonAsync(HttpStatusCode.Created);
        var unfair = await (await client.PostAsJsonAsync("/api/v1/vacancies", Vacancy(employer.Id, pay: 12.21m, contract: "ZeroHours", hours: null))).OkJsonAsync(HttpStatusCode.Created);

        Assert.True(fair.GetProperty("fairWork").GetProperty("meetsAll").GetBoolean());
        Assert.Equal(12.60m, fair.GetProperty("fairWork").GetProperty("realLivingWage").GetDecimal());
        Assert.Equal("Kitchen and catering assistants", fair.GetProperty("occupation").GetString());
        var markers = unfair.GetProperty("fairWork");
        Assert.False(markers.GetProperty("meetsAll").GetBoolean());
        Assert.False(markers.GetProperty("paysRealLivingWage").GetBoolean());
        Assert.False(markers.GetProperty("notZeroHours").GetBoolean());
        Assert.False(markers.GetProperty("hoursStated").GetBoolean());
    }

    [Fact]
    public async Task A_vacancy_with_a_bad_soc_code_or_another_leps_employer_answers_400()
    {
        var (_, client) = await UserAsync();
        var fifeEmployer = await app.EmployerAsync(NolbAppFactory.Fife);

        var response = await client.PostAsJsonAsync("/api/v1/vacancies", Vacancy(fifeEmployer.Id, soc: "12"));

        Assert.Equal(["employerId", "socCode"], (await response.ErrorFieldsAsync()).Order());
    }

    [Fact]
    public async Task Another_leps_employers_vacancies_and_matches_answer_404_and_are_not_listed()
    {
        var (_, glasgow) = await UserAsync();
        var (_, fife) = await UserAsync(lep: NolbAppFactory.Fife);
        var employer = await app.EmployerAsync();
        var vacancy = await (await glasgow.PostAsJsonAsync("/api/v1/vacancies", Vacancy(employer.Id))).OkJsonAsync(HttpStatusCode.Created);
        var vacancyId = vacancy.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync($"/api/v1/employers/{employer.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync($"/api/v1/vacancies/{vacancyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync($"/api/v1/vacancies/{vacancyId}/matches")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fife.PutAsync($"/api/v1/employers/{employer.Id}", new { name = "X", sector = "A", size = "Micro" }, "\"x\"")).StatusCode);
        Assert.DoesNotContain((await fife.GetFromJsonAsync<JsonElement>("/api/v1/employers")).EnumerateArray(), e => e.GetProperty("id").GetGuid() == employer.Id);
        Assert.DoesNotContain((await fife.GetFromJsonAsync<JsonElement>("/api/v1/vacancies")).EnumerateArray(), v => v.GetProperty("id").GetGuid() == vacancyId);
    }

    [Fact]
    public async Task Matches_for_a_vacancy_rank_stage_3_and_4_people_of_the_lep_with_reasons_and_are_audited()
    {
        var (worker, workerClient) = await UserAsync(Role.KeyWorker);
        var (officer, officerClient) = await UserAsync();
        var employer = await app.EmployerAsync();
        var vacancyId = (await (await officerClient.PostAsJsonAsync("/api/v1/vacancies", Vacancy(employer.Id))).OkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var best = await app.PersonAtStageAsync(worker, 4);
        var weaker = await app.PersonAtStageAsync(worker, 3, postcode: "KY1 1AA");
        var tooEarly = await app.PersonAtStageAsync(worker, 2);
        var inFife = await app.PersonAtStageAsync(await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Fife), 4, lepCode: NolbAppFactory.Fife);
        var goals = await workerClient.PutAsJsonAsync($"/api/v1/participants/{best.Id}/job-preferences",
            new { socGoals = Goal9263, minHoursPerWeek = 16, maxHoursPerWeek = 30, availableDays = MondayToWednesday, travel = "SameArea" });
        Assert.Equal(HttpStatusCode.OK, goals.StatusCode);

        var matches = (await officerClient.GetFromJsonAsync<JsonElement>($"/api/v1/vacancies/{vacancyId}/matches?limit=500")).EnumerateArray().ToList();
        var ids = matches.Select(m => m.GetProperty("participantId").GetGuid()).ToList();

        Assert.Contains(best.Id, ids);
        Assert.Contains(weaker.Id, ids);
        Assert.DoesNotContain(tooEarly.Id, ids);
        Assert.DoesNotContain(inFife.Id, ids);
        Assert.Equal(100, matches[0].GetProperty("score").GetInt32());
        Assert.Equal(best.Id, matches[0].GetProperty("participantId").GetGuid());
        Assert.True(ids.IndexOf(best.Id) < ids.IndexOf(weaker.Id));
        Assert.Equal(6, matches[0].GetProperty("reasons").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, matches[0].GetProperty("name").ValueKind);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == AuditAction.Read && a.EntityType == "VacancyMatches" && a.EntityId == vacancyId.ToString() && a.ActorUserId == officer.Id)));

        var forWorker = (await workerClient.GetFromJsonAsync<JsonElement>($"/api/v1/vacancies/{vacancyId}/matches")).EnumerateArray().First();
        Assert.Equal(best.DisplayName, forWorker.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Matching_counts_the_barriers_of_each_persons_latest_assessment_only()
    {
        var (worker, _) = await UserAsync(Role.KeyWorker);
        var (_, officerClient) = await UserAsync();
        var employer = await app.EmployerAsync();
        // 30 hours a week in another postcode area: a transport barrier and a childcare barrier would each cost points.
        var vacancyId = (await (await officerClient.PostAsJsonAsync("/api/v1/vacancies", Vacancy(employer.Id, hours: 30, postcode: "KY1 1AA")))
            .OkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var overcame = await app.PersonAtStageAsync(worker, 4);
        var stillStopped = await app.PersonAtStageAsync(worker, 4);
        var today = CaseData.Today;
        await AssessAsync(overcame, today.AddDays(-30), today.AddDays(-1), (AssessmentDomain.Transport, 1), (AssessmentDomain.Childcare, 1));
        // Assessed again the same day, recorded later: the later record is the latest.
        await AssessAsync(overcame, today.AddDays(-10), today, (AssessmentDomain.Transport, 4), (AssessmentDomain.Childcare, 5));
        await AssessAsync(overcame, today.AddDays(-10), today.AddDays(-2), (AssessmentDomain.Transport, 1), (AssessmentDomain.Childcare, 1));
        await AssessAsync(stillStopped, today.AddDays(-30), today.AddDays(-1), (AssessmentDomain.Transport, 5), (AssessmentDomain.Childcare, 5));
        await AssessAsync(stillStopped, today.AddDays(-10), today.AddDays(-1), (AssessmentDomain.Transport, 2), (AssessmentDomain.Childcare, 1));

        var matches = (await officerClient.GetFromJsonAsync<JsonElement>($"/api/v1/vacancies/{vacancyId}/matches?limit=500")).EnumerateArray().ToList();
        List<string> BarriersOf(Participant person) => matches.Single(m => m.GetProperty("participantId").GetGuid() == person.Id)
            .GetProperty("reasons").EnumerateArray().Where(r => r.GetProperty("factor").GetString() == "Barriers")
            .Select(r => r.GetProperty("explanation").GetString()!).Order(StringComparer.Ordinal).ToList();

        Assert.Empty(BarriersOf(overcame));
        Assert.Equal(
            ["Childcare is a recorded barrier and the job is 30 hours a week", "Transport is a recorded barrier and the job is outside their postcode district"],
            BarriersOf(stillStopped));
    }

    private Task<int> AssessAsync(Participant person, DateOnly assessedOn, DateOnly recordedOn, params (AssessmentDomain Domain, int Score)[] scores) =>
        app.WithDbAsync(async db =>
        {
            var engagement = person.EngagementId();
            var lep = await db.Engagements.Where(e => e.Id == engagement).Select(e => e.LepId).SingleAsync();
            var (assessment, errors) = NeedsAssessment.Record(engagement, lep, assessedOn.AddDays(-100), null, assessedOn,
                scores.ToDictionary(s => s.Domain, s => (int?)s.Score), null, null, person.Engagements.Single().KeyWorkerId!.Value, CaseData.Today,
                recordedOn.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));
            Assert.Empty(errors);
            db.NeedsAssessments.Add(assessment!);
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task Matches_for_a_person_rank_open_vacancies_and_leave_out_closed_ones()
    {
        var (worker, workerClient) = await UserAsync(Role.KeyWorker);
        var (_, officerClient) = await UserAsync();
        var employer = await app.EmployerAsync();
        var person = await app.PersonAtStageAsync(worker, 4);
        await workerClient.PutAsJsonAsync($"/api/v1/participants/{person.Id}/job-preferences", new { socGoals = Goal6135, travel = "Anywhere" });
        var care = (await (await officerClient.PostAsJsonAsync("/api/v1/vacancies", Vacancy(employer.Id, soc: "6135"))).OkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var kitchen = (await (await officerClient.PostAsJsonAsync("/api/v1/vacancies", Vacancy(employer.Id, soc: "9263"))).OkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var filled = await (await officerClient.PostAsJsonAsync("/api/v1/vacancies", Vacancy(employer.Id, soc: "6135"))).OkJsonAsync(HttpStatusCode.Created);
        var closedId = filled.GetProperty("id").GetGuid();
        var closing = await officerClient.PutAsync($"/api/v1/vacancies/{closedId}",
            new { employerId = employer.Id, title = "Carer", socCode = "6135", contract = "Permanent", status = "Filled" }, $"\"{filled.GetProperty("version").GetGuid()}\"");
        Assert.Equal(HttpStatusCode.OK, closing.StatusCode);

        var matches = (await workerClient.GetFromJsonAsync<JsonElement>($"/api/v1/participants/{person.Id}/matches?limit=500")).EnumerateArray().ToList();
        var ids = matches.Select(m => m.GetProperty("vacancyId").GetGuid()).ToList();

        Assert.True(ids.IndexOf(care) < ids.IndexOf(kitchen));
        Assert.DoesNotContain(closedId, ids);
        Assert.Contains(matches[ids.IndexOf(care)].GetProperty("reasons").EnumerateArray(), r => r.GetProperty("explanation").GetString()!.Contains("one of their job goals", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Job_goals_must_be_soc_codes_and_changing_them_needs_the_etag()
    {
        var (worker, client) = await UserAsync(Role.KeyWorker);
        var person = await app.PersonAtStageAsync(worker, 3);

        var bad = await client.PutAsJsonAsync($"/api/v1/participants/{person.Id}/job-preferences", new { socGoals = GoalChef, minHoursPerWeek = 30, maxHoursPerWeek = 10 });
        Assert.Equal(["maxHoursPerWeek", "socGoals"], (await bad.ErrorFieldsAsync()).Order());
        var first = await client.PutAsJsonAsync($"/api/v1/participants/{person.Id}/job-preferences", new { socGoals = Goal5434 });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var stale = await client.PutAsync($"/api/v1/participants/{person.Id}/job-preferences", new { socGoals = Goal5435 }, $"\"{Guid.NewGuid()}\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var changed = await client.PutAsync($"/api/v1/participants/{person.Id}/job-preferences", new { socGoals = Goal5435 }, first.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Fact]
    public async Task A_placement_is_made_by_participant_reference_within_the_lep_only()
    {
        var (worker, _) = await UserAsync(Role.KeyWorker);
        var (_, officer) = await UserAsync();
        var employer = await app.EmployerAsync();
        var person = await app.PersonAtStageAsync(worker, 3);
        var fifePerson = await app.PersonAsync(NolbAppFactory.Fife);

        var made = await (await officer.PostAsJsonAsync("/api/v1/placements", new
        {
            participantReference = person.Reference,
            employerId = employer.Id,
            kind = "WorkExperience",
            startDate = Today.Iso(),
            endDate = Today.AddDays(14).Iso(),
            hoursPerWeek = 16,
            weeklyAllowance = 50,
        })).OkJsonAsync(HttpStatusCode.Created);
        var refused = await officer.PostAsJsonAsync("/api/v1/placements", new
        {
            participantReference = fifePerson.Reference,
            employerId = employer.Id,
            kind = "JobTaster",
            startDate = Today.Iso(),
        });

        Assert.Equal(person.Id, made.GetProperty("participantId").GetGuid());
        Assert.Equal("Ongoing", made.GetProperty("outcome").GetString());
        Assert.Equal(["participantReference"], await refused.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Occupations_are_searchable_by_title()
    {
        var (_, client) = await UserAsync();

        var found = (await client.GetFromJsonAsync<JsonElement>("/api/v1/occupations?search=care workers")).EnumerateArray().Select(o => o.GetProperty("code").GetString()).ToList();

        Assert.Contains("6135", found);
        Assert.DoesNotContain("9263", found);
    }
}
