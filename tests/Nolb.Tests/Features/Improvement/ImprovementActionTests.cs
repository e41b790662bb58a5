using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Nolb.Tests.Features.Employers;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Improvement;

/// <summary>
/// The improvement action plan: actions link only to evidence that exists (indicator codes, standards, feedback themes), overdue
/// actions are flagged, stale changes are refused, another LEP's action is not found, and progress reaches the delivery plan (6.3).
/// </summary>
public sealed class ImprovementActionTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    [Fact]
    public async Task An_lep_manager_adds_actions_linked_to_evidence_and_overdue_ones_are_flagged()
    {
        var manager = await app.StaffAsync(Role.LepManager);
        using var pages = await app.PageClientAsync(manager.Email!);
        var overdueAction = CaseData.UniqueName("Run a lived experience panel");

        var bad = await pages.SubmitFormAsync("/Improvement/Actions/Create", new()
        {
            ["Input.Action"] = overdueAction,
            ["Input.Owner"] = "LEP coordinator",
            ["Input.DueDate"] = CaseData.Today.AddDays(-3).Iso(),
            ["Input.Status"] = "InProgress",
            ["Input.IndicatorCodes"] = "NO-SUCH-CODE",
        });
        Assert.Contains("is not a Shared Measurement Framework indicator code", await bad.TextAsync(), StringComparison.Ordinal);
        var indicator = Nolb.Web.Features.Measurement.MeasurementData.Catalogue.Indicators[0].Code;
        var added = await pages.SubmitFormAsync("/Improvement/Actions/Create", new()
        {
            ["Input.Action"] = overdueAction,
            ["Input.Owner"] = "LEP coordinator",
            ["Input.DueDate"] = CaseData.Today.AddDays(-3).Iso(),
            ["Input.Status"] = "InProgress",
            ["Input.IndicatorCodes"] = indicator,
            ["Input.StandardCodes"] = "S3",
        });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var plan = await pages.PageTextAsync("/Improvement");
        var row = plan[plan.IndexOf(overdueAction, StringComparison.Ordinal)..];
        Assert.Contains("Overdue", row[..row.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains($"indicator {indicator}; standard S3", row, StringComparison.Ordinal);

        using var scope = app.Services.CreateScope();
        var evidence = scope.ServiceProvider.GetRequiredService<Nolb.Web.Features.DeliveryPlans.PlanEvidence>();
        var section63 = (await evidence.ForLepAsync(manager.LepId!.Value, default)).Single(t => t.SectionKey == "6.3");
        Assert.Equal("1", section63.Rows.Single(r => r[0] == "In progress")[1]);
        Assert.Equal("1", section63.Rows.Single(r => r[0].StartsWith("Overdue", StringComparison.Ordinal))[1]);
    }

    [Fact]
    public async Task Changes_need_the_current_version_and_another_leps_action_is_not_found()
    {
        var manager = await app.StaffAsync(Role.LepManager, NolbAppFactory.Fife);
        var glasgowManager = await app.StaffAsync(Role.LepManager);
        var leader = await app.StaffAsync(Role.TeamLeader, NolbAppFactory.Fife);
        using var api = await app.ApiClientAsync(manager.Email!);
        using var glasgow = await app.ApiClientAsync(glasgowManager.Email!);
        using var leaderApi = await app.ApiClientAsync(leader.Email!);
        var action = new { action = "Publish the partnership's membership", owner = "Chair", dueDate = CaseData.Today.AddDays(30).Iso(), status = "NotStarted" };

        var created = await api.PostAsJsonAsync("/api/v1/improvement/actions", action);
        var body = await created.OkJsonAsync(HttpStatusCode.Created);
        var url = $"/api/v1/improvement/actions/{body.GetProperty("id").GetString()}";
        using var done = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(action with { status = "Done" }) };
        done.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.Tag);
        var doneAnswer = await api.SendAsync(done);
        using var stale = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(action with { status = "Dropped" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.Tag);
        var staleAnswer = await api.SendAsync(stale);

        Assert.False(body.GetProperty("overdue").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, doneAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleAnswer.StatusCode);
        Assert.Equal("Done", (await (await api.GetAsync(url)).OkJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await glasgow.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leaderApi.GetAsync("/api/v1/improvement/actions")).StatusCode);
        var empty = await api.PostAsJsonAsync("/api/v1/improvement/actions", new { });
        var errors = (await empty.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("action", out _) && errors.TryGetProperty("owner", out _) && errors.TryGetProperty("dueDate", out _) && errors.TryGetProperty("status", out _));
    }
}
