using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;
using static Nolb.Tests.Features.Participants.ParticipantApiClient;

namespace Nolb.Tests.Features.Participants;

/// <summary>Engagements through the API: the pipeline's moves in any direction, closing, reassigning, consent and transfer.</summary>
public sealed class EngagementsApiTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private async Task<(NolbUser User, HttpClient Client)> UserAsync(Role role = Role.KeyWorker, string lep = NolbAppFactory.Glasgow)
    {
        var user = await app.CreateUserAsync(role, lep);
        return (user, await app.ApiClientAsync(user.Email!));
    }

    private static readonly string[] TwoStreams = ["NoOneLeftBehind", "YoungPersonsGuarantee"];

    private Task<int> MovesAsync(Guid engagementId) => app.WithDbAsync(db => db.StageMoves.CountAsync(m => m.EngagementId == engagementId));

    [Fact]
    public async Task Starting_an_engagement_answers_201_with_its_id_at_stage_1_with_the_caller_as_key_worker()
    {
        var (user, client) = await UserAsync();
        var participantId = await client.RegisterAsync();
        var start = Today.AddDays(-10);

        var response = await client.PostAsJsonAsync($"/api/v1/participants/{participantId}/engagements", new
        {
            startDate = start.Iso(),
            referralSource = "SkillsDevelopmentScotland",
            fundingStreams = TwoStreams,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/engagements/{id}", response.Headers.Location!.OriginalString);
        var stored = await app.WithDbAsync(db => db.Engagements.SingleAsync(e => e.Id == id));
        Assert.Equal(participantId, stored.ParticipantId);
        Assert.Equal(start, stored.StartDate);
        Assert.Equal(ReferralSource.SkillsDevelopmentScotland, stored.ReferralSource);
        Assert.Equal([FundingStream.NoOneLeftBehind, FundingStream.YoungPersonsGuarantee], stored.FundingStreams);
        Assert.Equal(user.Id, stored.KeyWorkerId);
        Assert.Equal(1, body.GetProperty("currentStage").GetInt32());
    }

    [Fact]
    public async Task A_team_leader_can_start_an_engagement_for_a_named_key_worker_in_the_lep()
    {
        var (_, leader) = await UserAsync(Role.TeamLeader);
        var (worker, _) = await UserAsync();
        var participantId = await leader.RegisterAsync();

        var id = await leader.StartEngagementAsync(participantId, keyWorkerId: worker.Id);

        Assert.Equal(worker.Id, await app.WithDbAsync(db => db.Engagements.Where(e => e.Id == id).Select(e => e.KeyWorkerId).SingleAsync()));
    }

    [Theory]
    [InlineData("startDate")]
    [InlineData("referralSource")]
    [InlineData("fundingStreams")]
    public async Task Starting_without_a_required_field_answers_400_naming_it(string missing)
    {
        var (_, client) = await UserAsync();
        var participantId = await client.RegisterAsync();
        var body = new Dictionary<string, object?>
        {
            ["startDate"] = Today.Iso(),
            ["referralSource"] = "Self",
            ["fundingStreams"] = new[] { "Other" },
        };
        body.Remove(missing);

        var response = await client.PostAsJsonAsync($"/api/v1/participants/{participantId}/engagements", body);

        Assert.Equal([missing], await response.ErrorFieldsAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Engagements.CountAsync(e => e.ParticipantId == participantId)));
    }

    [Fact]
    public async Task A_person_never_has_two_open_engagements_but_may_start_again_after_leaving()
    {
        var (_, client) = await UserAsync();
        var participantId = await client.RegisterAsync();
        var first = await client.StartEngagementAsync(participantId, Today.AddDays(-100));

        var second = await client.PostAsJsonAsync($"/api/v1/participants/{participantId}/engagements",
            new { startDate = Today.Iso(), referralSource = "Self", fundingStreams = OtherFunding });

        Assert.Equal(["startDate"], await second.ErrorFieldsAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Engagements.CountAsync(e => e.ParticipantId == participantId)));

        var closed = await client.PostAsJsonAsync($"/api/v1/engagements/{first}/close", new { date = Today.AddDays(-5).Iso(), reason = "EnteredEmployment" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var again = await client.StartEngagementAsync(participantId, Today.AddDays(-1));

        Assert.NotEqual(first, again);
        Assert.Equal(1, await app.WithDbAsync(db => db.Engagements.CountAsync(e => e.ParticipantId == participantId && e.LeftOn == null)));
    }

    [Fact]
    public async Task Moves_forward_back_and_skipping_are_all_kept_in_date_order_with_who_and_why()
    {
        var (user, client) = await UserAsync();
        var participantId = await client.RegisterAsync();
        var id = await client.StartEngagementAsync(participantId, Today.AddDays(-30));

        var skip = await client.MoveAsync(id, 3, Today.AddDays(-20), "Ready for training");
        await client.MoveAsync(id, 2, Today.AddDays(-10), "Housing crisis: back to barrier removal");
        await client.MoveAsync(id, 5, Today.AddDays(-5), "Started a job");
        var late = await client.MoveAsync(id, 4, Today.AddDays(-25), "Recorded late: job matching began early");

        Assert.Equal(HttpStatusCode.OK, skip.StatusCode);
        Assert.Equal(3, (await skip.JsonAsync()).GetProperty("currentStage").GetInt32());
        Assert.Equal(5, (await late.JsonAsync()).GetProperty("currentStage").GetInt32());
        var engagement = await client.GetFromJsonAsync<JsonElement>($"/api/v1/engagements/{id}");
        Assert.Equal(5, engagement.GetProperty("currentStage").GetInt32());
        var history = engagement.GetProperty("stageHistory").EnumerateArray().ToList();
        Assert.Equal([1, 4, 3, 2, 5], history.Select(h => h.GetProperty("stage").GetInt32()));
        Assert.Equal(new[] { -30, -25, -20, -10, -5 }.Select(d => Today.AddDays(d).Iso()), history.Select(h => h.GetProperty("date").GetString()));
        Assert.Equal("Housing crisis: back to barrier removal", history[3].GetProperty("reason").GetString());
        Assert.All(history, h => Assert.Equal(user.Id, h.GetProperty("recordedBy").GetGuid()));
        Assert.All(history, h => Assert.Equal(user.DisplayName, h.GetProperty("recordedByName").GetString()));
    }

    [Theory]
    [InlineData(0, 0, "Reason", "stage")]
    [InlineData(6, 0, "Reason", "stage")]
    [InlineData(null, 0, "Reason", "stage")]
    [InlineData(2, 1, "Reason", "date")]
    [InlineData(2, -31, "Reason", "date")]
    [InlineData(2, 0, "", "reason")]
    [InlineData(2, 0, null, "reason")]
    [InlineData("two", 0, "Reason", "stage")]
    public async Task An_invalid_stage_move_answers_400_naming_the_field_and_records_nothing(object? stage, int daysFromToday, string? reason, string field)
    {
        var (_, client) = await UserAsync();
        var participantId = await client.RegisterAsync();
        var id = await client.StartEngagementAsync(participantId, Today.AddDays(-30));

        var response = await client.MoveAsync(id, stage, Today.AddDays(daysFromToday), reason);

        Assert.Equal([field], await response.ErrorFieldsAsync());
        Assert.Equal(1, await MovesAsync(id));
        Assert.Equal(PipelineStage.EngagementReferralAndAssessment, await app.WithDbAsync(db => db.Engagements.Where(e => e.Id == id).Select(e => e.CurrentStage).SingleAsync()));
    }

    [Fact]
    public async Task The_messages_say_what_is_wrong_with_the_date()
    {
        var (_, client) = await UserAsync();
        var participantId = await client.RegisterAsync();
        var id = await client.StartEngagementAsync(participantId, Today.AddDays(-30));

        var future = await (await client.MoveAsync(id, 2, Today.AddDays(1))).JsonAsync();
        var early = await (await client.MoveAsync(id, 2, Today.AddDays(-31))).JsonAsync();
        var malformed = await (await client.PostAsJsonAsync($"/api/v1/engagements/{id}/stage", new { stage = 2, date = "2025-02-30", reason = "x" })).JsonAsync();

        Assert.Contains("future", future.GetProperty("errors").GetProperty("date")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("before the engagement started", early.GetProperty("errors").GetProperty("date")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("YYYY-MM-DD", malformed.GetProperty("errors").GetProperty("date")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_an_engagement_is_audited()
    {
        var (user, client) = await UserAsync();
        var participantId = await client.RegisterAsync();
        var id = await client.StartEngagementAsync(participantId);
        Task<int> ReadsAsync() => app.WithDbAsync(db => db.AuditEntries.CountAsync(a =>
            a.Action == AuditAction.Read && a.EntityType == nameof(Engagement) && a.EntityId == id.ToString() && a.ActorUserId == user.Id));
        var before = await ReadsAsync();

        var response = await client.GetAsync($"/api/v1/engagements/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, await ReadsAsync());
    }

    [Fact]
    public async Task An_unknown_engagement_answers_404_problem_details()
    {
        var (_, client) = await UserAsync();

        var response = await client.GetAsync($"/api/v1/engagements/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Closing_records_the_date_and_reason_and_then_refuses_further_moves()
    {
        var (_, client) = await UserAsync();
        var participantId = await client.RegisterAsync();
        var id = await client.StartEngagementAsync(participantId, Today.AddDays(-30));

        var response = await client.PostAsJsonAsync($"/api/v1/engagements/{id}/close", new { date = Today.Iso(), reason = "EnteredEmployment" });
        var move = await client.MoveAsync(id, 2, Today);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var engagement = await client.GetFromJsonAsync<JsonElement>($"/api/v1/engagements/{id}");
        Assert.Equal(Today.Iso(), engagement.GetProperty("leftOn").GetString());
        Assert.Equal("EnteredEmployment", engagement.GetProperty("leavingReason").GetString());
        Assert.Equal(["stage"], await move.ErrorFieldsAsync());
    }

    [Theory]
    [InlineData(null, "EnteredEmployment", "date")]
    [InlineData(1, "EnteredEmployment", "date")]
    [InlineData(-31, "EnteredEmployment", "date")]
    [InlineData(0, null, "reason")]
    [InlineData(0, "WonTheLottery", "reason")]
    public async Task An_invalid_close_answers_400_naming_the_field_and_leaves_the_engagement_open(int? daysFromToday, string? reason, string field)
    {
        var (_, client) = await UserAsync();
        var participantId = await client.RegisterAsync();
        var id = await client.StartEngagementAsync(participantId, Today.AddDays(-30));

        var response = await client.PostAsJsonAsync($"/api/v1/engagements/{id}/close", new { date = daysFromToday is { } d ? Today.AddDays(d).Iso() : null, reason });

        Assert.Equal([field], await response.ErrorFieldsAsync());
        Assert.Null(await app.WithDbAsync(db => db.Engagements.Where(e => e.Id == id).Select(e => e.LeftOn).SingleAsync()));
    }

    [Fact]
    public async Task A_team_leader_reassigns_a_case_and_the_change_is_kept()
    {
        var (worker, workerClient) = await UserAsync();
        var (other, _) = await UserAsync();
        var (leader, leaderClient) = await UserAsync(Role.TeamLeader);
        var participantId = await workerClient.RegisterAsync();
        var id = await workerClient.StartEngagementAsync(participantId);

        var response = await leaderClient.PostAsJsonAsync($"/api/v1/engagements/{id}/reassign", new { toKeyWorkerId = other.Id, reason = "Balancing caseloads" });
        var same = await leaderClient.PostAsJsonAsync($"/api/v1/engagements/{id}/reassign", new { toKeyWorkerId = other.Id });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["toKeyWorkerId"], await same.ErrorFieldsAsync());
        var engagement = await leaderClient.GetFromJsonAsync<JsonElement>($"/api/v1/engagements/{id}");
        Assert.Equal(other.Id, engagement.GetProperty("keyWorkerId").GetGuid());
        var assignment = Assert.Single(engagement.GetProperty("assignments").EnumerateArray());
        Assert.Equal(worker.Id, assignment.GetProperty("fromKeyWorkerId").GetGuid());
        Assert.Equal(other.Id, assignment.GetProperty("toKeyWorkerId").GetGuid());
        Assert.Equal(leader.Id, assignment.GetProperty("recordedBy").GetGuid());
        Assert.Equal("Balancing caseloads", assignment.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Consent_is_recorded_and_withdrawn_once()
    {
        var (user, client) = await UserAsync();
        var participantId = await client.RegisterAsync();

        var given = await client.PostAsJsonAsync($"/api/v1/participants/{participantId}/consents", new { kind = "ContactByText", givenOn = Today.AddDays(-3).Iso() });
        var consentId = (await given.JsonAsync()).GetProperty("id").GetGuid();
        var withdrawn = await client.PostAsJsonAsync($"/api/v1/participants/{participantId}/consents/{consentId}/withdraw", new { withdrawnOn = Today.Iso() });
        var again = await client.PostAsJsonAsync($"/api/v1/participants/{participantId}/consents/{consentId}/withdraw", new { withdrawnOn = Today.Iso() });
        var unknown = await client.PostAsJsonAsync($"/api/v1/participants/{participantId}/consents/{Guid.NewGuid()}/withdraw", new { withdrawnOn = Today.Iso() });

        Assert.Equal(HttpStatusCode.Created, given.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.False((await withdrawn.JsonAsync()).GetProperty("active").GetBoolean());
        Assert.Equal(["withdrawnOn"], await again.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var stored = await app.WithDbAsync(db => db.Consents.SingleAsync(c => c.Id == consentId));
        Assert.Equal(ConsentKind.ContactByText, stored.Kind);
        Assert.Equal(Today, stored.WithdrawnOn);
        Assert.Equal(user.Id, stored.WithdrawalRecordedByUserId);
        var record = await client.GetFromJsonAsync<JsonElement>($"/api/v1/participants/{participantId}");
        Assert.False(Assert.Single(record.GetProperty("consents").EnumerateArray()).GetProperty("active").GetBoolean());
    }

    [Theory]
    [InlineData("ShareWithPartner", 0, "organisationId")]
    [InlineData("ContactByEmail", 1, "givenOn")]
    [InlineData(null, 0, "kind")]
    [InlineData("Telepathy", 0, "kind")]
    public async Task Invalid_consent_answers_400_naming_the_field_and_records_nothing(string? kind, int daysFromToday, string field)
    {
        var (_, client) = await UserAsync();
        var participantId = await client.RegisterAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/participants/{participantId}/consents", new { kind, givenOn = Today.AddDays(daysFromToday).Iso() });

        Assert.Equal([field], await response.ErrorFieldsAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Consents.CountAsync(c => c.ParticipantId == participantId)));
    }

    [Fact]
    public async Task A_transfer_needs_consent_then_moves_the_record_and_the_sending_lep_loses_sight_of_it()
    {
        var (_, leader) = await UserAsync(Role.TeamLeader, NolbAppFactory.Glasgow);
        var (_, fife) = await UserAsync(Role.KeyWorker, NolbAppFactory.Fife);
        var participantId = await leader.RegisterAsync();
        var engagementId = await leader.StartEngagementAsync(participantId, Today.AddDays(-20));

        var refused = await leader.PostAsJsonAsync($"/api/v1/participants/{participantId}/transfer", new { toLepCode = NolbAppFactory.Fife });
        Assert.Equal(["toLepCode"], await refused.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync($"/api/v1/participants/{participantId}")).StatusCode);

        await leader.PostAsJsonAsync($"/api/v1/participants/{participantId}/consents", new { kind = "TransferToAnotherLep", givenOn = Today.Iso() });
        var transferred = await leader.PostAsJsonAsync($"/api/v1/participants/{participantId}/transfer", new { toLepCode = NolbAppFactory.Fife });

        Assert.Equal(HttpStatusCode.OK, transferred.StatusCode);
        Assert.Equal(NolbAppFactory.Fife, (await transferred.JsonAsync()).GetProperty("lepCode").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/api/v1/participants/{participantId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fife.GetAsync($"/api/v1/participants/{participantId}")).StatusCode);
        var engagement = await app.WithDbAsync(db => db.Engagements.SingleAsync(e => e.Id == engagementId));
        Assert.Equal(LeavingReason.MovedToAnotherArea, engagement.LeavingReason);
        Assert.NotEqual(await app.WithDbAsync(db => db.Participants.Where(p => p.Id == participantId).Select(p => p.LepId).SingleAsync()), engagement.LepId);
    }
}
