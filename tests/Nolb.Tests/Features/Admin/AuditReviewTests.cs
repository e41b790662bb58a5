using System.Net;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Admin;

public sealed class AuditReviewTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private async Task AddEntriesAsync(IEnumerable<AuditEntry> entries) => await app.WithDbAsync(async db =>
    {
        db.AuditEntries.AddRange(entries);
        return await db.SaveChangesAsync();
    });

    private static AuditEntry Entry(DateTime at, AuditAction action, string type, string id, Guid? user = null, string? email = null, string? detail = null) => new()
    {
        OccurredAt = at,
        ActorUserId = user,
        ActorEmail = email,
        Action = action,
        EntityType = type,
        EntityId = id,
        Detail = detail,
        IpAddress = "10.1.2.3",
    };

    [Fact]
    public async Task The_search_pages_a_hundred_at_a_time_and_is_itself_audited()
    {
        var record = Guid.NewGuid().ToString();
        var now = DateTime.UtcNow;
        await AddEntriesAsync(Enumerable.Range(0, 120).Select(i => Entry(now.AddSeconds(-i), AuditAction.Read, "Participant", record)));
        var admin = await app.CreateUserAsync(Role.Administrator);
        using var pages = await app.PageClientAsync(admin.Email!);

        var first = await pages.GetStringAsync($"/Admin/Audit?Record={record}");
        var second = await pages.GetStringAsync($"/Admin/Audit?Record={record}&p=2");

        Assert.Equal(100, Count(first, $"Participant {record}"));
        Assert.Contains("Older entries", first, StringComparison.Ordinal);
        Assert.Equal(20, Count(second, $"Participant {record}"));
        Assert.Contains("Newer entries", second, StringComparison.Ordinal);
        var reviews = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.ActorUserId == admin.Id && a.Action == AuditAction.AuditReviewed).Select(a => a.Detail).ToListAsync());
        Assert.Equal(2, reviews.Count);
        Assert.All(reviews, d => Assert.Contains($"record {record}", d, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_person_search_finds_their_record_and_engagements_and_a_bad_page_number_is_refused()
    {
        var keyWorker = await app.CreateUserAsync(Role.KeyWorker);
        var person = await app.WithDbAsync(async db =>
        {
            var participant = new Nolb.Web.Domain.Participants.Participant
            {
                Reference = Nolb.Web.Features.Participants.ParticipantReferences.New(),
                LepId = keyWorker.LepId!.Value,
                GivenName = "Audit",
                FamilyName = "Subject",
                DateOfBirth = new DateOnly(1990, 1, 1),
                CreatedAt = DateTime.UtcNow,
            };
            db.Participants.Add(participant);
            await db.SaveChangesAsync();
            return participant;
        });
        var other = Guid.NewGuid().ToString();
        await AddEntriesAsync([
            Entry(DateTime.UtcNow, AuditAction.Read, "Participant", person.Id.ToString(), keyWorker.Id, keyWorker.Email),
            Entry(DateTime.UtcNow, AuditAction.Read, "Participant", other, keyWorker.Id, keyWorker.Email),
        ]);
        using var pages = await app.PageClientAsync((await app.CreateUserAsync(Role.Administrator)).Email!);

        var html = await pages.GetStringAsync($"/Admin/Audit?Person={person.Reference}&Action=Read");
        Assert.Contains(person.Id.ToString(), html, StringComparison.Ordinal);
        Assert.DoesNotContain(other, html, StringComparison.Ordinal);

        var bad = await pages.GetStringAsync("/Admin/Audit?p=0");
        Assert.Contains("The page number must be 1 or more", bad, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_export_holds_every_match_with_formulas_neutralised_and_is_audited_as_an_export()
    {
        var record = Guid.NewGuid().ToString();
        await AddEntriesAsync([Entry(DateTime.UtcNow, AuditAction.Update, "Participant", record, detail: "=HYPERLINK(\"http://evil.example\",\"x\")")]);
        var admin = await app.CreateUserAsync(Role.Administrator);
        using var pages = await app.PageClientAsync(admin.Email!);

        var response = await pages.GetAsync($"/Admin/Audit?handler=Export&Record={record}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Id,OccurredAtUtc,ActorUserId,ActorEmail,Action,RecordType,RecordId", lines[0], StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", lines[1], StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ActorUserId == admin.Id && a.Action == AuditAction.Export && a.EntityType == "AuditTrail")));
    }

    [Fact]
    public async Task Unusual_access_shows_a_user_who_opened_many_records_outside_their_caseload_with_the_entries_behind_it()
    {
        var keyWorker = await app.CreateUserAsync(Role.KeyWorker);
        var now = DateTime.UtcNow;
        await AddEntriesAsync(Enumerable.Range(0, 20).Select(i =>
            Entry(now.AddMinutes(-20 + i), AuditAction.Read, "Participant", Guid.NewGuid().ToString(), keyWorker.Id, keyWorker.Email)));
        var admin = await app.CreateUserAsync(Role.Administrator);
        using var pages = await app.PageClientAsync(admin.Email!);

        var html = await pages.GetStringAsync("/Admin/Audit/Unusual");

        Assert.Contains($"Many records outside their caseload: {keyWorker.Email}", html, StringComparison.Ordinal);
        Assert.Contains("The 20 audit entries behind this flag", html, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ActorUserId == admin.Id && a.Action == AuditAction.AuditReviewed && a.Detail!.StartsWith("looked at unusual access"))));

        using var keyWorkerPages = await app.PageClientAsync(keyWorker.Email!);
        var refused = await keyWorkerPages.GetAsync("/Admin/Audit/Unusual");
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static int Count(string html, string text)
    {
        var count = 0;
        for (var at = html.IndexOf(text, StringComparison.Ordinal); at >= 0; at = html.IndexOf(text, at + text.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
