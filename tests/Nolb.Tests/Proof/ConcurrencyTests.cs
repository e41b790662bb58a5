using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Security;
using static Nolb.Tests.Features.Participants.ParticipantApiClient;

namespace Nolb.Tests.Proof;

/// <summary>
/// Real parallel requests through the whole pipeline on a real database file (or PostgreSQL): two people saving
/// one record, a stage move racing a close, one form sent twice at once, one file imported twice at once. No
/// update may be lost, nothing may be duplicated, and nobody gets a server error.
/// </summary>
public sealed class ConcurrencyTests(SqliteFileAppFactory app) : IClassFixture<SqliteFileAppFactory>
{
    [Fact]
    public async Task Two_people_saving_the_same_participant_at_once_one_wins_and_the_other_is_told()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var teamLeader = await app.StaffAsync(Role.TeamLeader);
        using var first = await app.ApiClientAsync(keyWorker.Email!);
        using var second = await app.ApiClientAsync(teamLeader.Email!);
        var person = Person();
        var id = await first.RegisterAsync(person);
        var read = await first.GetAsync($"/api/v1/participants/{id}");
        var etag = read.Headers.ETag!.Tag;
        var mine = new Dictionary<string, object?>(person) { ["givenName"] = "Mhairi" };
        var theirs = new Dictionary<string, object?>(person) { ["givenName"] = "Catriona" };

        var answers = await Task.WhenAll(PutAsync(first, id, mine, etag), PutAsync(second, id, theirs, etag));

        var codes = answers.Select(a => a.StatusCode).Order().ToList();
        Assert.Equal(new[] { HttpStatusCode.NoContent, HttpStatusCode.PreconditionFailed }, codes);
        var winner = answers[0].StatusCode == HttpStatusCode.NoContent ? "Mhairi" : "Catriona";
        Assert.Equal(winner, (await app.ReloadAsync(id)).GivenName);
    }

    [Fact]
    public async Task A_stage_move_racing_a_close_loses_neither_and_never_fails()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        using var client = await app.ApiClientAsync(keyWorker.Email!);
        using var other = await app.ApiClientAsync(keyWorker.Email!);
        var person = await client.RegisterAsync();
        var engagement = await client.StartEngagementAsync(person);

        var answers = await Task.WhenAll(
            client.MoveAsync(engagement, 3, Today),
            other.PostAsJsonAsync($"/api/v1/engagements/{engagement}/close", new { date = Today.Iso(), reason = "EnteredEmployment" }));

        var (move, close) = (answers[0], answers[1]);
        Assert.True((int)move.StatusCode < 500, $"move: {(int)move.StatusCode} {await move.Content.ReadAsStringAsync()}");
        Assert.True((int)close.StatusCode < 500, $"close: {(int)close.StatusCode} {await close.Content.ReadAsStringAsync()}");
        var saved = await app.WithDbAsync(async db => new
        {
            Engagement = await db.Engagements.AsNoTracking().SingleAsync(e => e.Id == engagement),
            Moved = await db.StageMoves.AnyAsync(m => m.EngagementId == engagement && m.Stage == Web.Domain.Participants.PipelineStage.VocationalActivity),
        });
        Assert.Equal(close.IsSuccessStatusCode, saved.Engagement.LeftOn is not null);
        Assert.Equal(move.IsSuccessStatusCode, saved.Moved);
        Assert.True(close.IsSuccessStatusCode || move.IsSuccessStatusCode, "at least one of the two must succeed");
    }

    [Fact]
    public async Task The_register_form_sent_twice_at_once_registers_the_person_once()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        using var client = await app.PageClientAsync(keyWorker.Email!);
        var page = await (await client.GetAsync("/Participants/Register")).Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        var formToken = System.Text.RegularExpressions.Regex.Match(page, "name=\"FormToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var familyName = UniqueName();
        Dictionary<string, string> Form() => new()
        {
            ["__RequestVerificationToken"] = token,
            ["FormToken"] = formToken,
            ["Input.GivenName"] = "Eilidh",
            ["Input.FamilyName"] = familyName,
            ["Input.DateOfBirth"] = "1990-05-04",
            ["Input.Phone"] = "0141 496 0123",
            ["Input.PreferredContact"] = "Phone",
            ["Input.EmploymentStatusAtStart"] = "Unemployed12MonthsOrMore",
        };

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.PostAsync("/Participants/Register", new FormUrlEncodedContent(Form()))));

        Assert.NotEmpty(formToken);
        Assert.All(answers, a => Assert.True((int)a.StatusCode < 500, a.StatusCode.ToString()));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(1, await app.WithDbAsync(db => db.Participants.CountAsync(p => p.FamilyName == familyName)));
    }

    [Fact]
    public async Task The_same_hsds_file_imported_twice_at_once_creates_each_service_once()
    {
        using var admin = await app.AdminApiClientAsync();
        var ids = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        var organisation = Guid.NewGuid();
        var json = "[" + string.Join(",", ids.Select(id =>
            """{"id":"%A%","name":"Parallel %B%","status":"active","organization":{"id":"%C%","name":"Parallel Org %D%"}}""".Replace("%A%", id.ToString(), StringComparison.Ordinal).Replace("%B%", id.ToString("N", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("%C%", organisation.ToString(), StringComparison.Ordinal).Replace("%D%", organisation.ToString("N", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))) + "]";
        HttpContent Body()
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return content;
        }

        var answers = await Task.WhenAll(admin.PostAsync("/api/v1/directory/import", Body()), admin.PostAsync("/api/v1/directory/import", Body()));

        foreach (var answer in answers)
        {
            Assert.True((int)answer.StatusCode < 500, $"{(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        }

        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Equal(3, await app.WithDbAsync(db => db.DirectoryServices.CountAsync(s => ids.Contains(s.Id))));
        Assert.Equal(1, await app.WithDbAsync(db => db.Organisations.CountAsync(o => o.Id == organisation)));
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, Dictionary<string, object?> person, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/participants/{id}") { Content = JsonContent.Create(person) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request);
    }
}
