using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Infrastructure;

/// <summary>
/// A POST sent again with the same Idempotency-Key (a retry after a timeout) answers what the first answered and makes
/// no second record; the key with another body is refused; a refused request can be corrected and sent with its key.
/// </summary>
public sealed class IdempotencyKeyTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private static HttpRequestMessage Note(Guid engagementId, string key, string text) => new(HttpMethod.Post, $"/api/v1/engagements/{engagementId}/notes")
    {
        Content = JsonContent.Create(new { date = CaseData.Today.Iso(), text }),
        Headers = { { "Idempotency-Key", key } },
    };

    [Fact]
    public async Task A_case_note_posted_twice_and_at_once_with_one_key_is_written_once_and_every_answer_is_the_same()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var api = await app.ApiClientAsync(keyWorker.Email!);
        var key = Guid.NewGuid().ToString();

        var atOnce = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => api.SendAsync(Note(engagementId, key, "Retried after a timeout"))));
        var later = await api.SendAsync(Note(engagementId, key, "Retried after a timeout"));

        var answers = atOnce.Append(later).ToList();
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var ids = new List<Guid>();
        foreach (var answer in answers)
        {
            ids.Add((await answer.JsonAsync()).GetProperty("id").GetGuid());
        }

        Assert.Single(ids.Distinct());
        Assert.Single(answers.Select(a => a.Headers.ETag?.Tag).Distinct());
        Assert.Equal(1, await app.WithDbAsync(db => db.CaseNotes.CountAsync(n => n.EngagementId == engagementId)));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_and_other_keys_make_their_own_records()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var api = await app.ApiClientAsync(keyWorker.Email!);
        var key = Guid.NewGuid().ToString();

        var first = await api.SendAsync(Note(engagementId, key, "First"));
        var reused = await api.SendAsync(Note(engagementId, key, "Something else"));
        var another = await api.SendAsync(Note(engagementId, Guid.NewGuid().ToString(), "Something else"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Contains("Idempotency-Key", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, another.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.CaseNotes.CountAsync(n => n.EngagementId == engagementId)));
    }

    [Fact]
    public async Task A_refused_request_is_not_kept_so_the_corrected_one_goes_through_with_the_same_key()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var api = await app.ApiClientAsync(keyWorker.Email!);
        var key = Guid.NewGuid().ToString();

        var empty = await api.SendAsync(Note(engagementId, key, " "));
        var corrected = await api.SendAsync(Note(engagementId, key, "Now with words"));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.CaseNotes.CountAsync(n => n.EngagementId == engagementId)));
    }
}
