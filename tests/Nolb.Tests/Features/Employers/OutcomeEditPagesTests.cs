using System.Net;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Employers;

/// <summary>Correcting a recorded outcome on its page: the checks follow a new start date; stale saves and other LEPs are refused.</summary>
public sealed class OutcomeEditPagesTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(HttpClient Client, Outcome Outcome)> JobAsync(string lepCode = NolbAppFactory.Glasgow)
    {
        var worker = await app.StaffAsync(Role.KeyWorker, lepCode);
        var person = await app.PersonAtStageAsync(worker, 4, started: CaseData.Today.AddDays(-200), lepCode: lepCode);
        var client = await app.PageClientAsync(worker.Email!);
        var response = await client.SubmitFormAsync($"/Engagements/{person.EngagementId()}/Outcomes/Add", new()
        {
            ["Input.Kind"] = "JobEntry",
            ["Input.StartDate"] = Iso(CaseData.Today.AddDays(-30)),
            ["Input.OrganisationName"] = "Corner Café",
            ["Input.JobTitle"] = "Kitchen assistant",
            ["Input.SocCode"] = "9263",
            ["Input.HoursPerWeek"] = "20",
            ["Input.HourlyPay"] = "12.60",
            ["Input.Contract"] = "Permanent",
            ["Input.MoveToStage5"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, await OutcomeOfAsync(person.EngagementId()));
    }

    private Task<Outcome> OutcomeOfAsync(Guid engagementId) =>
        app.WithDbAsync(db => Task.FromResult(db.Outcomes.Single(o => o.EngagementId == engagementId)));

    private static Dictionary<string, string> Fields(Outcome o, DateOnly start, string hours, Guid version) => new()
    {
        ["Input.StartDate"] = Iso(start),
        ["Input.OrganisationName"] = "Corner Café",
        ["Input.JobTitle"] = "Kitchen assistant",
        ["Input.SocCode"] = "9263",
        ["Input.HoursPerWeek"] = hours,
        ["Input.HourlyPay"] = "12.60",
        ["Input.Contract"] = "Permanent",
        ["Input.AftercareEndsOn"] = Iso(o.AftercareEndsOn!.Value),
        ["Input.Version"] = version.ToString(),
    };

    private Task<List<DateOnly>> DueDatesAsync(Guid outcomeId) =>
        app.WithDbAsync(db => Task.FromResult(db.SustainmentChecks.Where(c => c.OutcomeId == outcomeId).OrderBy(c => c.DueDate).Select(c => c.DueDate).ToList()));

    [Fact]
    public async Task A_corrected_start_date_and_hours_are_saved_and_the_checks_move_with_the_start()
    {
        var (client, outcome) = await JobAsync();
        using var _ = client;
        var url = $"/Outcomes/{outcome.Id}/Edit";
        Assert.Contains("Change an outcome", await client.PageTextAsync(url), StringComparison.Ordinal);
        var newStart = CaseData.Today.AddDays(-20);

        var response = await client.SubmitFormAsync(url, Fields(outcome, newStart, "25", outcome.Version));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await OutcomeOfAsync(outcome.EngagementId);
        Assert.Equal(newStart, saved.StartDate);
        Assert.Equal(25m, saved.HoursPerWeek);
        Assert.Equal(OutcomeKind.JobEntry, saved.Kind);
        Assert.Equal([newStart.AddDays(91), newStart.AddDays(182), newStart.AddDays(364)], await DueDatesAsync(outcome.Id));
        Assert.Contains("The outcome is saved.", await client.PageTextAsync($"/Engagements/{outcome.EngagementId}/Outcomes"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_save_from_a_stale_page_is_refused_and_changes_nothing()
    {
        var (client, outcome) = await JobAsync();
        using var _ = client;
        var url = $"/Outcomes/{outcome.Id}/Edit";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(url, Fields(outcome, outcome.StartDate, "25", outcome.Version))).StatusCode);

        var stale = await client.SubmitFormAsync(url, Fields(outcome, outcome.StartDate, "30", outcome.Version));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this outcome while you were editing it", await stale.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(25m, (await OutcomeOfAsync(outcome.EngagementId)).HoursPerWeek);
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_changes_nothing()
    {
        var (client, outcome) = await JobAsync();
        using var _ = client;
        var fields = Fields(outcome, CaseData.Today.AddDays(1), "0", outcome.Version);

        var response = await client.SubmitFormAsync($"/Outcomes/{outcome.Id}/Edit", fields);

        var text = await response.TextAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The start date cannot be in the future", text, StringComparison.Ordinal);
        Assert.Contains("Enter the hours a week, more than 0 and no more than 100", text, StringComparison.Ordinal);
        var saved = await OutcomeOfAsync(outcome.EngagementId);
        Assert.Equal(outcome.StartDate, saved.StartDate);
        Assert.Equal(20m, saved.HoursPerWeek);
    }

    [Fact]
    public async Task The_start_date_cannot_move_once_a_check_is_recorded_against_it()
    {
        var (client, outcome) = await JobAsync();
        using var _ = client;
        await app.WithDbAsync(async db =>
        {
            var check = db.SustainmentChecks.Where(c => c.OutcomeId == outcome.Id).OrderBy(c => c.DueDate).First();
            Assert.Empty(check.Record(SustainmentResult.Sustained, SustainmentEvidence.Payslip, CaseData.Today, null, outcome.StartDate, outcome.RecordedByUserId, CaseData.Today, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        var current = await OutcomeOfAsync(outcome.EngagementId);

        var response = await client.SubmitFormAsync($"/Outcomes/{outcome.Id}/Edit", Fields(outcome, outcome.StartDate.AddDays(-3), "20", current.Version));

        Assert.Contains("A sustainment check is already recorded against this start date", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(outcome.StartDate, (await OutcomeOfAsync(outcome.EngagementId)).StartDate);
    }

    [Fact]
    public async Task Another_leps_outcome_is_not_found()
    {
        var (fifeClient, fife) = await JobAsync(NolbAppFactory.Fife);
        fifeClient.Dispose();
        var (client, _) = await JobAsync();
        using var __ = client;

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Outcomes/{fife.Id}/Edit")).StatusCode);
    }
}
