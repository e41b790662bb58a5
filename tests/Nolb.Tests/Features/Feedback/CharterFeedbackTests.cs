using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nolb.Tests.Features.Me;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Voice;
using Nolb.Web.Features.Feedback;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Feedback;

/// <summary>
/// Customer Charter feedback: given online or keyed in from paper, anonymous feedback that keeps no link to the person
/// (not even in the audit trail), the satisfaction figure on known data, theme tagging and tenancy of the results.
/// </summary>
public sealed class CharterFeedbackTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    /// <summary>A linked person whose key worker belongs to a new organisation, so results filtered by it hold only this test's feedback.</summary>
    private async Task<(MeData.Linked Me, Guid OrganisationId)> PersonWithServiceAsync(string lepCode = NolbAppFactory.Glasgow)
    {
        var me = await app.LinkedPersonAsync(lepCode);
        var lepId = await app.LepIdAsync(lepCode);
        var organisationId = await app.WithDbAsync(async db =>
        {
            var organisation = new Organisation { Name = CaseData.UniqueName("Service"), Kind = OrganisationKind.ThirdSector, LepId = lepId };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            await db.Users.Where(u => u.Id == me.KeyWorker.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.OrganisationId, organisation.Id));
            return organisation.Id;
        });
        return (me, organisationId);
    }

    private async Task<List<Guid>> NationalCommitmentsAsync() =>
        await app.WithDbAsync(db => db.CharterCommitments.Where(c => c.LepId == null && c.Active).OrderBy(c => c.Order).Select(c => c.Id).ToListAsync());

    private static Dictionary<string, string> Form(string point, List<Guid> commitments, int[] scores, string? improvement = null, bool anonymous = false)
    {
        var fields = new Dictionary<string, string> { ["Input.Point"] = point, ["Input.Improvement"] = improvement ?? "", ["Input.Anonymous"] = anonymous ? "true" : "false" };
        for (var i = 0; i < scores.Length; i++)
        {
            fields[$"Input.Ratings[{i}].CommitmentId"] = commitments[i].ToString();
            fields[$"Input.Ratings[{i}].Score"] = scores[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return fields;
    }

    [Fact]
    public async Task Anonymous_feedback_stores_only_lep_service_period_and_point_and_leaves_no_trace_in_the_audit_trail()
    {
        var (me, organisationId) = await PersonWithServiceAsync();
        var commitments = await NationalCommitmentsAsync();
        using var client = await app.PageClientAsync(me.Account.Email!);

        var response = await client.SubmitFormAsync("/Me/Feedback", Form("FirstMonth", commitments, [5, 2], "Shorter waits for a call back", anonymous: true));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.WithDbAsync(db => db.FeedbackResponses.AsNoTracking().Include(r => r.Ratings).SingleAsync(r => r.OrganisationId == organisationId));
        Assert.True(stored.IsAnonymous);
        Assert.Null(stored.ParticipantId);
        Assert.Null(stored.EngagementId);
        Assert.Null(stored.GivenOn);
        Assert.Equal((me.Person.LepId, FeedbackPoint.FirstMonth, FeedbackResponse.PeriodOf(CaseData.Today)), (stored.LepId, stored.Point, stored.Period));
        Assert.Equal([2, 5], stored.Ratings.Select(r => r.Score).Order());
        var ids = stored.Ratings.Select(r => r.Id.ToString()).Append(stored.Id.ToString()).ToList();
        var traces = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityId != null && ids.Contains(a.EntityId)) || a.EntityType == nameof(FeedbackResponse) && a.ActorUserId == me.Account.Id)
            .CountAsync());
        Assert.Equal(0, traces);
        Assert.Equal(0, await app.WithDbAsync(db => db.FeedbackResponses.CountAsync(r => r.ParticipantId == me.Person.Id || r.EngagementId == me.EngagementId)));
    }

    [Fact]
    public async Task Named_feedback_is_kept_with_the_engagement_once_per_point_and_is_audited()
    {
        var (me, organisationId) = await PersonWithServiceAsync();
        var commitments = await NationalCommitmentsAsync();
        using var client = await app.PageClientAsync(me.Account.Email!);

        await client.SubmitFormAsync("/Me/Feedback", Form("Leaving", commitments, [4]));
        var again = await client.SubmitFormAsync("/Me/Feedback", Form("Leaving", commitments, [1]));

        Assert.Contains(FeedbackCommands.AlreadyGiven, await again.TextAsync(), StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.FeedbackResponses.AsNoTracking().SingleAsync(r => r.OrganisationId == organisationId));
        Assert.Equal((me.Person.Id, me.EngagementId, false), (stored.ParticipantId, stored.EngagementId, stored.IsAnonymous));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == stored.Id.ToString() && a.Action == AuditAction.Create)));
    }

    [Fact]
    public async Task Feedback_with_no_point_and_no_answers_is_explained_and_nothing_is_stored()
    {
        var (me, organisationId) = await PersonWithServiceAsync();
        using var client = await app.PageClientAsync(me.Account.Email!);

        var response = await client.SubmitFormAsync("/Me/Feedback", new() { ["Input.Anonymous"] = "false" });

        var page = await response.TextAsync();
        Assert.Contains("Choose when this feedback is for", page, StringComparison.Ordinal);
        Assert.Contains("Answer at least one question", page, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.FeedbackResponses.AnyAsync(r => r.OrganisationId == organisationId)));
    }

    [Fact]
    public async Task A_key_worker_keys_in_paper_feedback_and_the_satisfaction_figure_counts_ratings_of_4_or_5()
    {
        var (me, organisationId) = await PersonWithServiceAsync();
        var commitments = await NationalCommitmentsAsync();
        using var staff = await app.PageClientAsync(me.KeyWorker.Email!);

        // Paper, named: 5, 4, 3. Paper, anonymous: 2, 5. Five ratings, three of them 4 or 5: 60%.
        var named = await staff.SubmitFormAsync($"/Participants/{me.Person.Id}/Feedback", Form("FirstMonth", commitments, [5, 4, 3]));
        var anonymous = await staff.SubmitFormAsync($"/Participants/{me.Person.Id}/Feedback", Form("Leaving", commitments, [2, 5], "More evening sessions", anonymous: true));

        Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.All(await app.WithDbAsync(db => db.FeedbackResponses.AsNoTracking().Where(r => r.OrganisationId == organisationId).ToListAsync()),
            r => Assert.Equal(FeedbackChannel.Paper, r.Channel));
        using var scope = app.Services.CreateScope();
        var query = scope.ServiceProvider.GetRequiredService<SatisfactionQuery>();
        var figure = await query.SatisfactionAsync(me.Person.LepId, null, organisationId, default);
        Assert.Equal((2, 5, 3, 60.0m), (figure.Responses, figure.Ratings, figure.Satisfied, figure.Percent));
        var first = (await query.ByCommitmentAsync(me.Person.LepId, null, organisationId, default)).Single(c => c.CommitmentId == commitments[0]);
        Assert.Equal((2, 3.5m, 50.0m), (first.Ratings, first.Average, first.PercentSatisfied));

        var manager = await app.StaffAsync(Role.LepManager);
        using var api = await app.ApiClientAsync(manager.Email!);
        var results = await (await api.GetAsync($"/api/v1/feedback/results?organisationId={organisationId}")).JsonAsync();
        Assert.Equal(60.0m, results.GetProperty("percentSatisfied").GetDecimal());
    }

    [Fact]
    public async Task Staff_tag_comments_with_themes_a_stale_tag_is_refused_and_another_lep_sees_nothing()
    {
        var (me, organisationId) = await PersonWithServiceAsync();
        var commitments = await NationalCommitmentsAsync();
        using (var client = await app.PageClientAsync(me.Account.Email!))
        {
            await client.SubmitFormAsync("/Me/Feedback", Form("FirstMonth", commitments, [3], "A unique comment about bus fares", anonymous: true));
        }

        var stored = await app.WithDbAsync(db => db.FeedbackResponses.AsNoTracking().SingleAsync(r => r.OrganisationId == organisationId));
        var manager = await app.StaffAsync(Role.LepManager);
        using var staff = await app.PageClientAsync(manager.Email!);
        Assert.Contains("A unique comment about bus fares", await staff.PageTextAsync($"/Feedback/Results?OrganisationId={organisationId}"), StringComparison.Ordinal);

        var tagged = await staff.SubmitFormAsync("/Feedback/Results", new() { ["responseId"] = stored.Id.ToString(), ["version"] = stored.Version.ToString(), ["themes"] = "Travel costs, travel costs, Transport" }, "/Feedback/Results?handler=Themes");
        var stale = await staff.SubmitFormAsync("/Feedback/Results", new() { ["responseId"] = stored.Id.ToString(), ["version"] = stored.Version.ToString(), ["themes"] = "overwritten" }, "/Feedback/Results?handler=Themes");

        Assert.Equal(HttpStatusCode.Redirect, tagged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal(["travel costs", "transport"], await app.WithDbAsync(db => db.FeedbackResponses.Where(r => r.Id == stored.Id).Select(r => r.Themes).SingleAsync()));

        var fifeManager = await app.StaffAsync(Role.LepManager, NolbAppFactory.Fife);
        using var fife = await app.PageClientAsync(fifeManager.Email!);
        Assert.DoesNotContain("A unique comment about bus fares", await fife.PageTextAsync("/Feedback/Results"), StringComparison.Ordinal);
        var foreign = await fife.SubmitFormAsync("/Feedback/Results", new() { ["responseId"] = stored.Id.ToString(), ["version"] = stored.Version.ToString(), ["themes"] = "x" }, "/Feedback/Results?handler=Themes");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task The_charter_lists_national_commitments_and_an_leps_own_only_to_that_lep_and_feedback_can_be_given_through_the_api()
    {
        var (me, organisationId) = await PersonWithServiceAsync();
        var manager = await app.StaffAsync(Role.LepManager);
        using (var staff = await app.PageClientAsync(manager.Email!))
        {
            var added = await staff.SubmitFormAsync("/Feedback/Charter", new() { ["Text"] = "We reply to Glasgow messages within two working days" });
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var fifeWorker = await app.StaffAsync(Role.KeyWorker, NolbAppFactory.Fife);
        using var api = await app.ApiClientAsync(me.Account.Email!);
        using var fifeApi = await app.ApiClientAsync(fifeWorker.Email!);
        var glasgow = await (await api.GetAsync("/api/v1/charter")).JsonAsync();
        var fife = await fifeApi.GetStringAsync("/api/v1/charter");

        var local = glasgow.EnumerateArray().Single(c => c.GetProperty("local").GetBoolean() && c.GetProperty("text").GetString() == "We reply to Glasgow messages within two working days");
        Assert.Contains(glasgow.EnumerateArray(), c => c.GetProperty("text").GetString() == "We treat you with dignity and respect");
        Assert.DoesNotContain("Glasgow messages", fife, StringComparison.Ordinal);

        var given = await api.PostAsJsonAsync("/api/v1/feedback", new
        {
            point = "SixMonthsInWork",
            ratings = new Dictionary<string, int?> { [local.GetProperty("id").GetString()!] = 4 },
            improvement = (string?)null,
            anonymous = false,
        });
        Assert.Equal(HttpStatusCode.Created, given.StatusCode);
        var badScore = await api.PostAsJsonAsync("/api/v1/feedback", new { point = "FirstMonth", ratings = new Dictionary<string, int?> { [local.GetProperty("id").GetString()!] = 9 } });
        Assert.Equal(HttpStatusCode.BadRequest, badScore.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.FeedbackResponses.CountAsync(r => r.OrganisationId == organisationId)));
    }
}
