using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.Employers;
using Nolb.Tests.Features.Me;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain.Voice;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Improvement;

/// <summary>
/// "You said, we did": staff record changes linked to their LEP's feedback themes (only themes that exist), changes are
/// version-checked, another LEP's entry is not found, and the LEP's participants (only theirs) see the entries on their own page.
/// </summary>
public sealed class YouSaidWeDidTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private static readonly string[] WaitingTimes = ["waiting times"];
    private static readonly string[] WaitingTimesCapitalised = ["Waiting times"];

    private async Task TagFeedbackAsync(string lepCode, params string[] themes)
    {
        var lepId = await app.LepIdAsync(lepCode);
        await app.WithDbAsync(async db =>
        {
            db.FeedbackResponses.Add(new FeedbackResponse
            {
                LepId = lepId,
                Period = FeedbackResponse.PeriodOf(CaseData.Today),
                Point = FeedbackPoint.FirstMonth,
                IsAnonymous = true,
                Improvement = "Appointments clash with the school run",
                Themes = [.. themes],
            });
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task A_team_leader_records_a_change_linked_to_a_feedback_theme_and_the_leps_participants_see_it_in_plain_words()
    {
        await TagFeedbackAsync(NolbAppFactory.Glasgow, "school run", "childcare");
        var leader = await app.StaffAsync(Role.TeamLeader);
        var glasgowPerson = await app.LinkedPersonAsync();
        var fifePerson = await app.LinkedPersonAsync(NolbAppFactory.Fife);
        using var staff = await app.PageClientAsync(leader.Email!);
        var youSaid = $"Morning appointments are hard because of the school run {Guid.NewGuid():N}";

        var unknownTheme = await staff.SubmitFormAsync("/YouSaidWeDid/Create", new()
        {
            ["Input.YouSaid"] = youSaid,
            ["Input.WeDid"] = "We now offer appointments after 10am.",
            ["Input.ChangedOn"] = CaseData.Today.Iso(),
            ["Input.Themes"] = "bus fares",
        });
        var noWords = await staff.SubmitFormAsync("/YouSaidWeDid/Create", new() { ["Input.ChangedOn"] = CaseData.Today.AddDays(3).Iso() });
        var recorded = await staff.SubmitFormAsync("/YouSaidWeDid/Create", new()
        {
            ["Input.YouSaid"] = youSaid,
            ["Input.WeDid"] = "We now offer appointments after 10am.",
            ["Input.ChangedOn"] = CaseData.Today.Iso(),
            ["Input.Themes"] = "school run",
        });

        var unknownPage = await unknownTheme.TextAsync();
        Assert.Contains("bus fares", unknownPage, StringComparison.Ordinal);
        Assert.Contains("is not a theme of your LEP", unknownPage, StringComparison.Ordinal);
        var noWordsPage = await noWords.TextAsync();
        Assert.Contains("Enter what people told you", noWordsPage, StringComparison.Ordinal);
        Assert.Contains("Enter what you changed because of it", noWordsPage, StringComparison.Ordinal);
        Assert.Contains("cannot be in the future", noWordsPage, StringComparison.Ordinal);
        Assert.Contains("Choose at least one feedback theme", noWordsPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var stored = await app.WithDbAsync(db => db.YouSaidWeDid.AsNoTracking().Where(e => e.YouSaid == youSaid).ToListAsync());
        Assert.Equal(["school run"], Assert.Single(stored).Themes);
        Assert.Contains(youSaid, await staff.PageTextAsync("/YouSaidWeDid"), StringComparison.Ordinal);

        using var glasgow = await app.PageClientAsync(glasgowPerson.Account.Email!);
        using var fife = await app.PageClientAsync(fifePerson.Account.Email!);
        var own = await glasgow.PageTextAsync("/Me");
        Assert.Contains("You said, we did", own, StringComparison.Ordinal);
        Assert.Contains(youSaid, own, StringComparison.Ordinal);
        Assert.Contains("We now offer appointments after 10am.", own, StringComparison.Ordinal);
        Assert.DoesNotContain(youSaid, await fife.PageTextAsync("/Me"), StringComparison.Ordinal);

        using var meApi = await app.ApiClientAsync(glasgowPerson.Account.Email!);
        var mine = await (await meApi.GetAsync("/api/v1/me/you-said-we-did")).OkJsonAsync();
        Assert.Contains(mine.EnumerateArray(), e => e.GetProperty("youSaid").GetString() == youSaid);
        Assert.All(mine.EnumerateArray(), e => Assert.False(e.TryGetProperty("recordedByUserId", out _)));
    }

    [Fact]
    public async Task The_api_refuses_a_stale_or_missing_if_match_and_another_leps_entry_is_not_found()
    {
        await TagFeedbackAsync(NolbAppFactory.Glasgow, "waiting times");
        var manager = await app.StaffAsync(Role.LepManager);
        var fifeManager = await app.StaffAsync(Role.LepManager, NolbAppFactory.Fife);
        var worker = await app.StaffAsync(Role.KeyWorker);
        using var api = await app.ApiClientAsync(manager.Email!);
        using var fife = await app.ApiClientAsync(fifeManager.Email!);
        using var workerApi = await app.ApiClientAsync(worker.Email!);

        var created = await api.PostAsJsonAsync("/api/v1/you-said-we-did", new
        {
            youSaid = "You waited too long for a call back.",
            weDid = "We call back within two working days.",
            changedOn = CaseData.Today.Iso(),
            themes = WaitingTimesCapitalised,
        });
        var body = await created.OkJsonAsync(HttpStatusCode.Created);
        var id = body.GetProperty("id").GetString();
        var etag = created.Headers.ETag!.Tag;
        var change = new { youSaid = "You waited too long for a call back.", weDid = "We call back the next working day.", changedOn = CaseData.Today.Iso(), themes = WaitingTimes };

        var withoutIfMatch = await api.PutAsJsonAsync($"/api/v1/you-said-we-did/{id}", change);
        using var first = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/you-said-we-did/{id}") { Content = JsonContent.Create(change) };
        first.Headers.TryAddWithoutValidation("If-Match", etag);
        var changed = await api.SendAsync(first);
        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/you-said-we-did/{id}") { Content = JsonContent.Create(new { youSaid = "x", weDid = "y", changedOn = CaseData.Today.Iso(), themes = WaitingTimes }) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        var staleAnswer = await api.SendAsync(stale);

        Assert.Equal(["waiting times"], body.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleAnswer.StatusCode);
        Assert.Equal("We call back the next working day.", await app.WithDbAsync(db => db.YouSaidWeDid.Where(e => e.Id == Guid.Parse(id!)).Select(e => e.WeDid).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync($"/api/v1/you-said-we-did/{id}")).StatusCode);
        Assert.DoesNotContain(id!, await fife.GetStringAsync("/api/v1/you-said-we-did"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await workerApi.GetAsync("/api/v1/you-said-we-did")).StatusCode);

        using var fifePage = await app.PageClientAsync(fifeManager.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await fifePage.GetAsync($"/YouSaidWeDid/{id}/Edit")).StatusCode);
    }
}
