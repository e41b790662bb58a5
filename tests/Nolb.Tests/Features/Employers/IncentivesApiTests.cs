using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain.Incentives;
using Nolb.Web.Security;
using static Nolb.Tests.Features.Participants.ParticipantApiClient;

namespace Nolb.Tests.Features.Employers;

/// <summary>
/// Employer Recruitment Incentives through the API: schemes per LEP and year, the minimum-standards checks,
/// approval only with an override reason when a standard fails, payments only once due, and tenancy.
/// Each test uses its own LEP (schemes are one per LEP and year).
/// </summary>
public sealed class IncentivesApiTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private async Task<(HttpClient Manager, HttpClient Officer, NolbUser Worker)> LepAsync(string lep)
    {
        var manager = await app.CreateUserAsync(Role.LepManager, lep);
        var officer = await app.CreateUserAsync(Role.EmployerEngagementOfficer, lep);
        return (await app.ApiClientAsync(manager.Email!), await app.ApiClientAsync(officer.Email!), await app.CreateUserAsync(Role.KeyWorker, lep));
    }

    private static int ThisYear => IncentiveScheme.FinancialYearOf(Today);

    private static object Scheme() => new
    {
        minimumHourlyPay = 12.60,
        minimumHoursPerWeek = 16,
        minimumContractMonths = 12,
        paymentAtStart = 500,
        paymentAt13Weeks = 1000,
        paymentAt26Weeks = 1500,
    };

    private async Task<JsonElement> ApplyAsync(HttpClient officer, string lep, NolbUser worker, decimal pay, DateOnly? start = null, string contract = "Permanent")
    {
        var employer = await app.EmployerAsync(lep);
        var person = await app.PersonAtStageAsync(worker, 5, lepCode: lep);
        return await (await officer.PostAsJsonAsync("/api/v1/incentives", new
        {
            participantReference = person.Reference,
            employerId = employer.Id,
            jobTitle = "Kitchen assistant",
            startDate = (start ?? Today.AddDays(-100)).Iso(),
            hourlyPay = pay,
            hoursPerWeek = 20,
            contract,
            noDisplacementConfirmed = true,
        })).OkJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_job_meeting_the_standards_is_approved_and_its_stage_payments_are_scheduled_and_paid_once_due()
    {
        var (manager, officer, worker) = await LepAsync("S12000033");
        Assert.Equal(HttpStatusCode.OK, (await manager.PutAsJsonAsync($"/api/v1/incentives/schemes/{ThisYear}", Scheme())).StatusCode);
        var start = Today.AddDays(-100) < new DateOnly(ThisYear, 4, 1) ? new DateOnly(ThisYear, 4, 1) : Today.AddDays(-100);
        var application = await ApplyAsync(officer, "S12000033", worker, 13.00m, start);
        Assert.True(application.GetProperty("meetsAllStandards").GetBoolean());
        Assert.Equal("Submitted", application.GetProperty("status").GetString());
        var url = $"/api/v1/incentives/{application.GetProperty("id").GetGuid()}";

        var approved = await (await manager.PostAsync($"{url}/decision", new { decision = "Approve" }, $"\"{application.GetProperty("version").GetGuid()}\"")).OkJsonAsync();

        var payments = approved.GetProperty("payments").EnumerateArray().ToList();
        Assert.Equal(["Start", "Weeks13", "Weeks26"], payments.Select(p => p.GetProperty("point").GetString()));
        Assert.Equal([start.Iso(), start.AddDays(91).Iso(), start.AddDays(182).Iso()], payments.Select(p => p.GetProperty("dueOn").GetString()));
        var last = payments[2];
        var early = await manager.PostAsync($"{url}/payments/{last.GetProperty("id").GetGuid()}", new { paidOn = Today.Iso() }, $"\"{approved.GetProperty("version").GetGuid()}\"");
        Assert.Equal(["paidOn"], await early.ErrorFieldsAsync());
        var paid = await (await manager.PostAsync($"{url}/payments/{payments[0].GetProperty("id").GetGuid()}", new { paidOn = Today.Iso() }, $"\"{approved.GetProperty("version").GetGuid()}\"")).OkJsonAsync();
        Assert.Equal("PartPaid", paid.GetProperty("status").GetString());
        Assert.Equal(Today.Iso(), paid.GetProperty("payments")[0].GetProperty("paidOn").GetString());
    }

    [Fact]
    public async Task A_job_below_the_minimum_pay_shows_why_and_is_approved_only_with_an_override_reason()
    {
        var (manager, officer, worker) = await LepAsync("S12000034");
        await manager.PutAsJsonAsync($"/api/v1/incentives/schemes/{ThisYear}", Scheme());
        var application = await ApplyAsync(officer, "S12000034", worker, 12.21m, Today);
        var pay = application.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("standard").GetString() == "Pay");
        Assert.False(pay.GetProperty("met").GetBoolean());
        Assert.Equal("Pays £12.21 an hour; the scheme's minimum is £12.60", pay.GetProperty("explanation").GetString());
        var url = $"/api/v1/incentives/{application.GetProperty("id").GetGuid()}/decision";
        var etag = $"\"{application.GetProperty("version").GetGuid()}\"";

        var refused = await manager.PostAsync(url, new { decision = "Approve" }, etag);
        Assert.Equal(["overrideReason"], await refused.ErrorFieldsAsync());
        var approved = await (await manager.PostAsync(url, new { decision = "Approve", reason = "Rises to £12.60 after a four-week probation, in the contract" }, etag)).OkJsonAsync();

        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        Assert.Equal("Rises to £12.60 after a four-week probation, in the contract", approved.GetProperty("overrideReason").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await manager.PostAsync(url, new { decision = "Reject", reason = "Changed mind" }, etag)).StatusCode);
    }

    [Fact]
    public async Task Without_a_scheme_for_the_year_an_application_is_refused_naming_the_start_date()
    {
        var (_, officer, worker) = await LepAsync("S12000035");
        var employer = await app.EmployerAsync("S12000035");
        var person = await app.PersonAtStageAsync(worker, 5, lepCode: "S12000035");

        var response = await officer.PostAsJsonAsync("/api/v1/incentives", new
        {
            participantReference = person.Reference,
            employerId = employer.Id,
            jobTitle = "Porter",
            startDate = Today.Iso(),
            hourlyPay = 13,
            hoursPerWeek = 30,
            contract = "Permanent",
        });

        Assert.Equal(["startDate"], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Only_lep_managers_decide_and_another_leps_applications_answer_404()
    {
        var (manager, officer, worker) = await LepAsync("S12000036");
        await manager.PutAsJsonAsync($"/api/v1/incentives/schemes/{ThisYear}", Scheme());
        var application = await ApplyAsync(officer, "S12000036", worker, 13m, Today);
        var url = $"/api/v1/incentives/{application.GetProperty("id").GetGuid()}";
        var etag = $"\"{application.GetProperty("version").GetGuid()}\"";
        var (otherManager, _, _) = await LepAsync("S12000038");

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync($"{url}/decision", new { decision = "Approve" }, etag)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PutAsJsonAsync($"/api/v1/incentives/schemes/{ThisYear}", Scheme())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.PostAsync($"{url}/decision", new { decision = "Approve" }, etag)).StatusCode);
        Assert.Empty((await otherManager.GetFromJsonAsync<JsonElement>("/api/v1/incentives")).EnumerateArray());
    }
}
