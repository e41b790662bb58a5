using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;
using static Nolb.Tests.Features.Participants.ParticipantApiClient;

namespace Nolb.Tests.Features.Participants;

/// <summary>
/// Who may reach a person through the API: another LEP's key worker or team leader gets 404 on every
/// endpoint and changes nothing; roles without access to personal data get 403; no token gets 401.
/// </summary>
public sealed class ParticipantApiAccessTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    /// <summary>A person with an open engagement and a consent, made by a key worker of <paramref name="lep"/>.</summary>
    private async Task<Case> CaseInAsync(string lep)
    {
        var keyWorker = await app.CreateUserAsync(Role.KeyWorker, lep);
        using var client = await app.ApiClientAsync(keyWorker.Email!);
        var participantId = await client.RegisterAsync();
        var engagementId = await client.StartEngagementAsync(participantId);
        var consent = await client.PostAsJsonAsync($"/api/v1/participants/{participantId}/consents", new { kind = "ContactByEmail", givenOn = Today.Iso() });
        Assert.Equal(HttpStatusCode.Created, consent.StatusCode);
        var consentId = (await consent.JsonAsync()).GetProperty("id").GetGuid();
        var version = await app.WithDbAsync(db => db.Participants.Where(p => p.Id == participantId).Select(p => p.Version).SingleAsync());
        return new(participantId, engagementId, consentId, version);
    }

    private sealed record Case(Guid ParticipantId, Guid EngagementId, Guid ConsentId, Guid Version);

    /// <summary>Every personal-data endpoint, as requests against one case.</summary>
    private static IEnumerable<(string Name, Func<HttpRequestMessage> Request)> Endpoints(Case c)
    {
        HttpRequestMessage Json(HttpMethod method, string url, object body) => new(method, url) { Content = JsonContent.Create(body) };
        yield return ("list", () => new(HttpMethod.Get, "/api/v1/participants?search=a"));
        yield return ("register", () => Json(HttpMethod.Post, "/api/v1/participants", Person()));
        yield return ("read", () => new(HttpMethod.Get, $"/api/v1/participants/{c.ParticipantId}"));
        yield return ("update", () =>
        {
            var request = Json(HttpMethod.Put, $"/api/v1/participants/{c.ParticipantId}", Person("Intruder"));
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{c.Version}\"");
            return request;
        }
        );
        yield return ("start engagement", () => Json(HttpMethod.Post, $"/api/v1/participants/{c.ParticipantId}/engagements",
            new { startDate = Today.Iso(), referralSource = "Self", fundingStreams = OtherFunding }));
        yield return ("record consent", () => Json(HttpMethod.Post, $"/api/v1/participants/{c.ParticipantId}/consents", new { kind = "UseInEvaluation", givenOn = Today.Iso() }));
        yield return ("withdraw consent", () => Json(HttpMethod.Post, $"/api/v1/participants/{c.ParticipantId}/consents/{c.ConsentId}/withdraw", new { withdrawnOn = Today.Iso() }));
        yield return ("transfer", () => Json(HttpMethod.Post, $"/api/v1/participants/{c.ParticipantId}/transfer", new { toLepCode = NolbAppFactory.Fife }));
        yield return ("read engagement", () => new(HttpMethod.Get, $"/api/v1/engagements/{c.EngagementId}"));
        yield return ("move stage", () => Json(HttpMethod.Post, $"/api/v1/engagements/{c.EngagementId}/stage", new { stage = 3, date = Today.Iso(), reason = "Intruding" }));
        yield return ("close", () => Json(HttpMethod.Post, $"/api/v1/engagements/{c.EngagementId}/close", new { date = Today.Iso(), reason = "Other" }));
        yield return ("reassign", () => Json(HttpMethod.Post, $"/api/v1/engagements/{c.EngagementId}/reassign", new { toKeyWorkerId = Guid.NewGuid() }));
    }

    /// <summary>Everything an intruder's request could change about the case, as one comparable string.</summary>
    private Task<string> SnapshotAsync(Case c) => app.WithDbAsync(async db =>
    {
        var person = await db.Participants.AsNoTracking().Where(p => p.Id == c.ParticipantId).Select(p => new { p.FamilyName, p.Version, p.LepId }).SingleAsync();
        var engagements = await db.Engagements.AsNoTracking().Where(e => e.ParticipantId == c.ParticipantId)
            .Select(e => new { e.Id, e.Version, e.KeyWorkerId, e.LeftOn, Moves = e.StageMoves.Count, Assignments = e.Assignments.Count }).ToListAsync();
        var consents = await db.Consents.AsNoTracking().Where(x => x.ParticipantId == c.ParticipantId).Select(x => new { x.Id, x.WithdrawnOn }).ToListAsync();
        return string.Join("|", person, string.Join(",", engagements.OrderBy(e => e.Id)), string.Join(",", consents.OrderBy(x => x.Id)));
    });

    [Theory]
    [InlineData(Role.KeyWorker, NolbAppFactory.Glasgow, NolbAppFactory.Fife)]
    [InlineData(Role.KeyWorker, NolbAppFactory.Fife, NolbAppFactory.Glasgow)]
    [InlineData(Role.TeamLeader, NolbAppFactory.Fife, NolbAppFactory.Glasgow)]
    public async Task Another_leps_person_and_engagement_answer_404_everywhere_and_nothing_changes(Role role, string ownerLep, string outsiderLep)
    {
        var theirs = await CaseInAsync(ownerLep);
        var outsider = await app.CreateUserAsync(role, outsiderLep);
        using var client = await app.ApiClientAsync(outsider.Email!);
        var before = await SnapshotAsync(theirs);

        // Reassigning and transferring are team leaders' alone: a key worker is refused them (403) before any record is looked at.
        var reachable = Endpoints(theirs).Where(e => e.Name is not ("list" or "register")
            && (role == Role.TeamLeader || e.Name is not ("reassign" or "transfer")));
        foreach (var (name, request) in reachable)
        {
            var response = await client.SendAsync(request());
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{name}: expected 404, got {(int)response.StatusCode}");
        }

        Assert.Equal(before, await SnapshotAsync(theirs));
        var reference = await app.WithDbAsync(db => db.Participants.Where(p => p.Id == theirs.ParticipantId).Select(p => p.Reference).SingleAsync());
        var found = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/participants?search={reference}");
        Assert.Equal(0, found.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_same_key_worker_reaches_their_own_leps_person_on_the_same_endpoints()
    {
        var keyWorker = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Fife);
        using var client = await app.ApiClientAsync(keyWorker.Email!);
        var participantId = await client.RegisterAsync();
        var engagementId = await client.StartEngagementAsync(participantId);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/participants/{participantId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/engagements/{engagementId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.MoveAsync(engagementId, 2, Today)).StatusCode);
    }

    [Fact]
    public async Task A_key_worker_cannot_put_another_leps_key_worker_on_a_case()
    {
        var glasgow = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Glasgow);
        var fifeWorker = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Fife);
        using var client = await app.ApiClientAsync(glasgow.Email!);
        var participantId = await client.RegisterAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/participants/{participantId}/engagements",
            new { startDate = Today.Iso(), referralSource = "Self", fundingStreams = NoOneLeftBehind, keyWorkerId = fifeWorker.Id });

        Assert.Equal(["keyWorkerId"], await response.ErrorFieldsAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Engagements.CountAsync(e => e.ParticipantId == participantId)));
    }

    [Theory]
    [InlineData(Role.NationalAnalyst)]
    [InlineData(Role.LepManager)]
    [InlineData(Role.EmployerEngagementOfficer)]
    [InlineData(Role.Participant)]
    [InlineData(Role.PartnerWorker)]
    [InlineData(Role.Administrator)]
    public async Task Roles_without_access_to_personal_data_get_403_on_every_endpoint_and_change_nothing(Role role)
    {
        var theirs = await CaseInAsync(NolbAppFactory.Glasgow);
        var organisation = role == Role.PartnerWorker ? await PartnerAsync() : (Guid?)null;
        var user = await app.CreateUserAsync(role, role.RequiresLep() ? NolbAppFactory.Glasgow : null, organisation);
        using var client = await app.ApiClientAsync(user.Email!);
        var before = await SnapshotAsync(theirs);
        var people = await app.CountAsync<Participant>();

        foreach (var (name, request) in Endpoints(theirs))
        {
            var response = await client.SendAsync(request());
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{name}: expected 403, got {(int)response.StatusCode}");
        }

        Assert.Equal(before, await SnapshotAsync(theirs));
        Assert.Equal(people, await app.CountAsync<Participant>());
    }

    [Fact]
    public async Task A_key_worker_may_not_reassign_or_transfer()
    {
        var keyWorker = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Glasgow);
        var colleague = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Glasgow);
        using var client = await app.ApiClientAsync(keyWorker.Email!);
        var participantId = await client.RegisterAsync();
        var engagementId = await client.StartEngagementAsync(participantId);

        var reassign = await client.PostAsJsonAsync($"/api/v1/engagements/{engagementId}/reassign", new { toKeyWorkerId = colleague.Id });
        var transfer = await client.PostAsJsonAsync($"/api/v1/participants/{participantId}/transfer", new { toLepCode = NolbAppFactory.Fife });

        Assert.Equal(HttpStatusCode.Forbidden, reassign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, transfer.StatusCode);
        Assert.Equal(keyWorker.Id, await app.WithDbAsync(db => db.Engagements.Where(e => e.Id == engagementId).Select(e => e.KeyWorkerId).SingleAsync()));
    }

    [Fact]
    public async Task Without_a_token_every_endpoint_answers_401()
    {
        var theirs = await CaseInAsync(NolbAppFactory.Glasgow);
        using var client = app.CreateClient();

        foreach (var (name, request) in Endpoints(theirs))
        {
            var response = await client.SendAsync(request());
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name}: expected 401, got {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_signed_in_browser_cookie_is_not_accepted_by_the_api()
    {
        var theirs = await CaseInAsync(NolbAppFactory.Glasgow);
        var keyWorker = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Glasgow);
        using var browser = await app.PageClientAsync(keyWorker.Email!);

        var response = await browser.GetAsync($"/api/v1/participants/{theirs.ParticipantId}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private Task<Guid> PartnerAsync() => app.WithDbAsync(async db =>
    {
        var organisation = new Organisation { Name = $"Partner {Guid.NewGuid():N}", Kind = OrganisationKind.ThirdSector, LepId = db.Leps.Single(l => l.Code == NolbAppFactory.Glasgow).Id };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    });
}
