using System.Net;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Employers;

/// <summary>The pages without JavaScript: recording a job and its checks, the due list, and a vacancy's Fair Work markers and matches.</summary>
public sealed class EmployerPagesTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_key_worker_records_a_job_on_the_page_and_sees_the_person_move_to_stage_5_with_checks_due()
    {
        var worker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAtStageAsync(worker, 4, started: CaseData.Today.AddDays(-200));
        using var client = await app.PageClientAsync(worker.Email!);
        var url = $"/Engagements/{person.EngagementId()}/Outcomes/Add";

        var response = await client.SubmitFormAsync(url, new()
        {
            ["Input.Kind"] = "JobEntry",
            ["Input.StartDate"] = Iso(CaseData.Today.AddDays(-95)),
            ["Input.OrganisationName"] = "Corner Café",
            ["Input.JobTitle"] = "Kitchen assistant",
            ["Input.SocCode"] = "9263",
            ["Input.HoursPerWeek"] = "20",
            ["Input.HourlyPay"] = "12.60",
            ["Input.Contract"] = "Permanent",
            ["Input.MoveToStage5"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.PageTextAsync($"/Engagements/{person.EngagementId()}/Outcomes");
        Assert.Contains("the person is now at stage 5", page, StringComparison.Ordinal);
        Assert.Contains("9263 Kitchen and catering assistants", page, StringComparison.Ordinal);
        Assert.Contains("Overdue", page, StringComparison.Ordinal);
        Assert.Equal(PipelineStage.InWorkSupportAndAftercare, (await app.ReloadAsync(person.Id)).Engagements.Single().CurrentStage);
        var due = await client.PageTextAsync("/Sustainment");
        Assert.Contains(person.Reference, due, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_without_its_occupation_is_refused_on_the_page_naming_the_field()
    {
        var worker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAtStageAsync(worker, 4);
        using var client = await app.PageClientAsync(worker.Email!);
        var url = $"/Engagements/{person.EngagementId()}/Outcomes/Add";

        var response = await client.SubmitFormAsync(url, new()
        {
            ["Input.Kind"] = "JobEntry",
            ["Input.StartDate"] = Iso(CaseData.Today),
            ["Input.OrganisationName"] = "Corner Café",
            ["Input.JobTitle"] = "Kitchen assistant",
            ["Input.HoursPerWeek"] = "20",
            ["Input.HourlyPay"] = "12.60",
            ["Input.Contract"] = "Permanent",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.TextAsync();
        Assert.Contains("There is a problem", text, StringComparison.Ordinal);
        Assert.Contains("Enter the SOC 2020 occupation as four digits", text, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.Outcomes.Count(o => o.EngagementId == person.EngagementId()))));
    }

    [Fact]
    public async Task An_officer_adds_a_vacancy_on_the_page_and_sees_its_fair_work_markers_in_plain_words()
    {
        var officer = await app.StaffAsync(Role.EmployerEngagementOfficer);
        var employer = await app.EmployerAsync();
        using var client = await app.PageClientAsync(officer.Email!);

        var response = await client.SubmitFormAsync("/Vacancies/Create", new()
        {
            ["Input.EmployerId"] = employer.Id.ToString(),
            ["Input.Title"] = "Bar staff",
            ["Input.SocCode"] = "9265",
            ["Input.HourlyPay"] = "11.50",
            ["Input.Contract"] = "ZeroHours",
            ["Input.Postcode"] = "G31 2AB",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.PageTextAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Does not pay the Real Living Wage of £12.60 an hour (pays £11.50)", page, StringComparison.Ordinal);
        Assert.Contains("A zero-hours contract.", page, StringComparison.Ordinal);
        Assert.Contains("Hours not stated.", page, StringComparison.Ordinal);
        Assert.Contains("People this job may suit", page, StringComparison.Ordinal);
    }
}
