using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Measurement;

/// <summary>
/// Publishing national statistics is a two-person act on closed quarters: one national analyst prepares a draft
/// (the figures frozen, to preview), a different one approves it, and a quarter that has not ended cannot be
/// prepared. The "four eyes" rule is the UK Statistics Authority Code of Practice's (Quality Q3.3: statistics are
/// checked before release; Orderliness T3: release is planned and controlled). Each test uses a quarter of its own.
/// </summary>
public sealed class PublishingApprovalTests(MeasurementAppFactory app) : IClassFixture<MeasurementAppFactory>
{
    private static JsonContent Quarter(string quarter) => JsonContent.Create(new { quarter });

    private async Task<(HttpClient Client, Guid Id)> AnalystAsync()
    {
        var analyst = await app.CreateUserAsync(Role.NationalAnalyst);
        return (await app.ApiClientAsync(analyst.Email!), analyst.Id);
    }

    private static async Task<string> DraftAsync(HttpClient preparer, string quarter)
    {
        var response = await preparer.PostAsync("/api/v1/statistics/drafts", Quarter(quarter));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("draft").GetProperty("id").GetString()!;
    }

    private static int ScotlandStarts(JsonElement statistics) => statistics.GetProperty("tables").EnumerateArray()
        .Single(t => t.GetProperty("title").GetString() == "Starts by LEP and sex").GetProperty("scotland").GetProperty("total").GetProperty("value").GetInt32();

    [Fact]
    public async Task A_draft_publishes_nothing_until_a_second_analyst_approves_and_then_exactly_the_previewed_figures()
    {
        var worker = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Glasgow);
        var start = new DateOnly(2017, 5, 8);
        await app.ManyStartedAsync(worker, NolbAppFactory.Glasgow, start, Sex.Female, 7);
        var (preparer, preparerId) = await AnalystAsync();
        var (approver, approverId) = await AnalystAsync();
        using var _ = preparer;
        using var __ = approver;

        var id = await DraftAsync(preparer, "2017-Q2");
        var draft = await preparer.GetFromJsonAsync<JsonElement>($"/api/v1/statistics/drafts/{id}");
        Assert.Equal(7, ScotlandStarts(draft.GetProperty("statistics")));
        Assert.False(draft.GetProperty("youMayApprove").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await preparer.GetAsync("/api/v1/statistics/publications/2017-Q2")).StatusCode);

        // The preparer cannot approve their own draft.
        var own = await preparer.PostAsync($"/api/v1/statistics/drafts/{id}/approve", null);
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("another national analyst", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await preparer.GetAsync("/api/v1/statistics/publications/2017-Q2")).StatusCode);

        // A start recorded after the preview does not slip into the publication: approval publishes what was previewed.
        await app.ManyStartedAsync(worker, NolbAppFactory.Glasgow, start, Sex.Female, 3);
        Assert.True((await approver.GetFromJsonAsync<JsonElement>($"/api/v1/statistics/drafts/{id}")).GetProperty("youMayApprove").GetBoolean());
        var approved = await approver.PostAsync($"/api/v1/statistics/drafts/{id}/approve", null);
        Assert.Equal(HttpStatusCode.Created, approved.StatusCode);
        var published = await approver.GetFromJsonAsync<JsonElement>("/api/v1/statistics/publications/2017-Q2");
        Assert.Equal(7, ScotlandStarts(published.GetProperty("statistics")));
        var latest = published.GetProperty("latest");
        Assert.Equal(1, latest.GetProperty("number").GetInt32());

        var (publication, audited) = await app.WithDbAsync(async db => (
            await db.StatisticsPublications.SingleAsync(p => p.Quarter == "2017-Q2"),
            await db.AuditEntries.Where(a => a.EntityType == nameof(StatisticsDraft) && a.EntityId == id).Select(a => a.ActorUserId).ToListAsync()));
        Assert.Equal(preparerId, publication.PreparedByUserId);
        Assert.Equal(approverId, publication.PublishedByUserId);
        Assert.Contains(preparerId, audited);
        Assert.Contains(approverId, audited);

        // Approved once is approved: a second approval is refused and publishes nothing more.
        Assert.Equal(HttpStatusCode.Conflict, (await approver.PostAsync($"/api/v1/statistics/drafts/{id}/approve", null)).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.StatisticsPublications.CountAsync(p => p.Quarter == "2017-Q2")));
    }

    [Fact]
    public async Task A_quarter_that_has_not_ended_cannot_be_prepared_for_publication()
    {
        var (analyst, _) = await AnalystAsync();
        using var __ = analyst;
        var today = Web.Infrastructure.UkTime.Today(TimeProvider.System);
        var running = ReportingPeriod.QuarterContaining(today);

        var refused = await analyst.PostAsync("/api/v1/statistics/drafts", Quarter(running.Label));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("has not ended", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.StatisticsDrafts.CountAsync(d => d.Quarter == running.Label)));

        // The quarter before today's has ended and can be.
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/v1/statistics/drafts", Quarter(running.Previous().Label))).StatusCode);
    }

    [Fact]
    public async Task Two_analysts_approving_the_same_draft_at_once_publish_it_once()
    {
        var (preparer, _) = await AnalystAsync();
        var (first, _) = await AnalystAsync();
        var (second, _) = await AnalystAsync();
        using var a = preparer;
        using var b = first;
        using var c = second;
        var id = await DraftAsync(preparer, "2016-Q3");

        var answers = await Task.WhenAll(
            first.PostAsync($"/api/v1/statistics/drafts/{id}/approve", null),
            second.PostAsync($"/api/v1/statistics/drafts/{id}/approve", null));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(r => r.StatusCode).Order());
        Assert.Equal(1, await app.WithDbAsync(db => db.StatisticsPublications.CountAsync(p => p.Quarter == "2016-Q3")));
    }

    [Fact]
    public async Task A_draft_is_withdrawn_only_with_a_reason_and_then_cannot_be_approved()
    {
        var (preparer, _) = await AnalystAsync();
        var (reviewer, _) = await AnalystAsync();
        using var a = preparer;
        using var b = reviewer;
        var id = await DraftAsync(preparer, "2016-Q2");

        // Another draft of the same quarter cannot be prepared while this one waits.
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.PostAsync("/api/v1/statistics/drafts", Quarter("2016-Q2"))).StatusCode);

        var bare = await reviewer.PostAsJsonAsync($"/api/v1/statistics/drafts/{id}/withdraw", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("reason", await bare.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var withdrawn = await reviewer.PostAsJsonAsync($"/api/v1/statistics/drafts/{id}/withdraw", new { reason = "Fife's late starts are not in yet" });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var draft = await preparer.GetFromJsonAsync<JsonElement>($"/api/v1/statistics/drafts/{id}");
        Assert.Equal("Withdrawn", draft.GetProperty("draft").GetProperty("status").GetString());
        Assert.Equal("Fife's late starts are not in yet", draft.GetProperty("draft").GetProperty("reason").GetString());

        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostAsync($"/api/v1/statistics/drafts/{id}/approve", null)).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.StatisticsPublications.CountAsync(p => p.Quarter == "2016-Q2")));
    }

    [Fact]
    public async Task On_the_pages_one_analyst_prepares_and_previews_and_another_approves()
    {
        var preparer = await app.CreateUserAsync(Role.NationalAnalyst);
        var approver = await app.CreateUserAsync(Role.NationalAnalyst);
        using var preparing = await app.PageClientAsync(preparer.Email!);
        using var approving = await app.PageClientAsync(approver.Email!);

        // The running quarter is refused on the page too, with the reason next to the field.
        var running = ReportingPeriod.QuarterContaining(Web.Infrastructure.UkTime.Today(TimeProvider.System)).Label;
        var refused = await preparing.SubmitFormAsync("/Measurement/Publications", new() { ["Quarter"] = running });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("has not ended", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var prepared = await preparing.SubmitFormAsync("/Measurement/Publications", new() { ["Quarter"] = "2016-Q1" });
        Assert.Equal(HttpStatusCode.Redirect, prepared.StatusCode);
        var draftUrl = prepared.Headers.Location!.OriginalString;
        Assert.StartsWith("/Measurement/Publications/Drafts/", draftUrl, StringComparison.Ordinal);
        var preview = WebUtility.HtmlDecode(await preparing.GetStringAsync(draftUrl));
        Assert.Contains("Starts by LEP and sex", preview, StringComparison.Ordinal);
        Assert.Contains("another national analyst must approve it", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("Approve and publish", preview, StringComparison.Ordinal);

        var approved = await approving.SubmitFormAsync(draftUrl, [], draftUrl + "?handler=Approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal("/Measurement/Publications/2016-Q1", approved.Headers.Location!.OriginalString);
        var page = WebUtility.HtmlDecode(await approving.GetStringAsync("/Measurement/Publications/2016-Q1"));
        Assert.Contains($"prepared by {preparer.DisplayName} and approved by {approver.DisplayName}", page, StringComparison.Ordinal);
    }
}
