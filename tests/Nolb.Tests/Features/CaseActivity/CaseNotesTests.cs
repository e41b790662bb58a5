using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain;
using Nolb.Web.Domain.CaseNotes;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.CaseActivity;

/// <summary>Case notes through their page and the API: writing, changing, corrections, sensitive notes, tenancy and audit.</summary>
public sealed class CaseNotesTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private static string NotesUrl(Guid engagementId) => $"/api/v1/engagements/{engagementId}/notes";

    [Fact]
    public async Task A_key_worker_adds_a_note_on_the_page_and_it_shows_on_the_timeline_with_its_author()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker, name: "Nina Notes");
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var client = await app.PageClientAsync(keyWorker.Email!);

        var response = await client.SubmitFormAsync($"/Participants/Engagements/{engagementId}/Notes", new()
        {
            ["Input.Date"] = CaseData.Today.Iso(),
            ["Input.Text"] = "Talked through the CV; Morag wants warehouse work.",
            ["Input.Sensitivity"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Participants/{person.Id}", response.Headers.Location!.OriginalString);
        var note = await app.WithDbAsync(db => db.CaseNotes.SingleAsync(n => n.EngagementId == engagementId));
        Assert.Equal((keyWorker.Id, (NoteSensitivity?)null), (note.AuthorUserId, note.Sensitivity));
        var record = await client.PageTextAsync($"/Participants/{person.Id}");
        Assert.Contains("Talked through the CV; Morag wants warehouse work.", record, StringComparison.Ordinal);
        Assert.Contains("Recorded by Nina Notes", record, StringComparison.Ordinal);
        Assert.Contains("Change the note", record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_or_future_note_is_refused_naming_the_field_and_nothing_is_saved()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var client = await app.PageClientAsync(keyWorker.Email!);
        var url = $"/Participants/Engagements/{engagementId}/Notes";

        var empty = await (await client.SubmitFormAsync(url, new() { ["Input.Date"] = CaseData.Today.Iso(), ["Input.Text"] = "  " })).TextAsync();
        var future = await (await client.SubmitFormAsync(url, new() { ["Input.Date"] = CaseData.Today.AddDays(2).Iso(), ["Input.Text"] = "Tomorrow" })).TextAsync();

        Assert.Contains("<a href=\"#Input_Text\">Enter the note</a>", empty, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_Date\">The date cannot be in the future</a>", future, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.CaseNotes.CountAsync(n => n.EngagementId == engagementId)));
    }

    [Fact]
    public async Task The_author_changes_a_note_with_if_match_and_a_stale_or_missing_etag_is_refused()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var client = await app.ApiClientAsync(keyWorker.Email!);
        var created = await client.PostAsJsonAsync(NotesUrl(engagementId), new { date = CaseData.Today.Iso(), text = "First draft" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        var etag = created.Headers.ETag!.Tag;
        var url = $"{NotesUrl(engagementId)}/{id}";

        var missing = await client.PutAsync(url, new { date = CaseData.Today.Iso(), text = "No etag" }, null);
        var saved = await client.PutAsync(url, new { date = CaseData.Today.Iso(), text = "Second draft" }, etag);
        var stale = await client.PutAsync(url, new { date = CaseData.Today.Iso(), text = "Stale" }, etag);

        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotEqual(etag, saved.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var stored = await app.WithDbAsync(db => db.CaseNotes.SingleAsync(n => n.Id == id));
        Assert.Equal("Second draft", stored.Text);
        Assert.NotNull(stored.EditedAt);
    }

    [Fact]
    public async Task Only_the_author_may_change_a_note_even_a_team_leader_who_can_edit_the_case_may_not()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var teamLeader = await app.StaffAsync(Role.TeamLeader);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        var note = await app.NoteAsync(engagementId, keyWorker, "Written by the key worker");
        using var client = await app.ApiClientAsync(teamLeader.Email!);
        using var pages = await app.PageClientAsync(teamLeader.Email!);

        var response = await client.PutAsync($"{NotesUrl(engagementId)}/{note.Id}", new { date = CaseData.Today.Iso(), text = "Rewritten" }, CaseActivityData.ETag(note.Version));
        var page = await pages.GetAsync($"/Participants/Engagements/{engagementId}/Notes/{note.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        CaseData.AssertAccessDenied(page);
        Assert.Equal("Written by the key worker", (await app.WithDbAsync(db => db.CaseNotes.SingleAsync(n => n.Id == note.Id))).Text);
    }

    [Fact]
    public async Task A_correction_is_a_new_note_that_refers_to_the_original_which_stays_as_it_was()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var teamLeader = await app.StaffAsync(Role.TeamLeader);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var other = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        var original = await app.NoteAsync(engagementId, keyWorker, "Attended the job fair on Monday");
        var elsewhere = await app.NoteAsync(other.Engagements.Single().Id, keyWorker, "Another person's note");
        using var client = await app.PageClientAsync(teamLeader.Email!);
        var url = $"/Participants/Engagements/{engagementId}/Notes?corrects={original.Id}";

        var form = await client.PageTextAsync(url);
        var response = await client.SubmitFormAsync(url, new()
        {
            ["Input.Date"] = CaseData.Today.Iso(),
            ["Input.Text"] = "Correction: the job fair was on Tuesday",
            ["Input.CorrectsNoteId"] = original.Id.ToString(),
        }, $"/Participants/Engagements/{engagementId}/Notes");
        using var api = await app.ApiClientAsync(keyWorker.Email!);
        var wrongCase = await api.PostAsJsonAsync(NotesUrl(engagementId), new { date = CaseData.Today.Iso(), text = "Correcting", correctsNoteId = elsewhere.Id });

        Assert.Contains("Attended the job fair on Monday", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var notes = await app.WithDbAsync(db => db.CaseNotes.AsNoTracking().Where(n => n.EngagementId == engagementId).ToListAsync());
        Assert.Equal(2, notes.Count);
        Assert.Equal("Attended the job fair on Monday", notes.Single(n => n.Id == original.Id).Text);
        Assert.Equal(original.Id, notes.Single(n => n.Id != original.Id).CorrectsNoteId);
        Assert.Contains("Case note (correction)", await client.PageTextAsync($"/Participants/{person.Id}"), StringComparison.Ordinal);
        Assert.Equal(["correctsNoteId"], await wrongCase.ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_sensitive_note_is_seen_by_the_key_worker_team_leaders_and_its_author_and_by_nobody_else()
    {
        var author = await app.StaffAsync(Role.KeyWorker);
        var newKeyWorker = await app.StaffAsync(Role.KeyWorker);
        var colleague = await app.StaffAsync(Role.KeyWorker);
        var teamLeader = await app.StaffAsync(Role.TeamLeader);
        var partner = await app.CreateUserAsync(Role.PartnerWorker, NolbAppFactory.Glasgow);
        var person = await app.PersonAsync(keyWorker: author);
        var engagementId = person.Engagements.Single().Id;
        var sensitive = await app.NoteAsync(engagementId, author, "Disclosed a health condition", NoteSensitivity.Health);
        var plain = await app.NoteAsync(engagementId, author, "Booked onto the forklift course");
        // The case moves to another key worker: the author keeps sight of their note, the new key worker gains it.
        await app.WithDbAsync(db => db.Engagements.Where(e => e.Id == engagementId).ExecuteUpdateAsync(e => e.SetProperty(x => x.KeyWorkerId, newKeyWorker.Id)));

        async Task<(List<Guid> Api, string Page, HttpStatusCode One)> SeenByAsync(NolbUser user)
        {
            using var api = await app.ApiClientAsync(user.Email!);
            using var pages = await app.PageClientAsync(user.Email!);
            var list = await api.GetFromJsonAsync<List<NoteRow>>(NotesUrl(engagementId));
            var one = await api.GetAsync($"{NotesUrl(engagementId)}/{sensitive.Id}");
            return (list!.Select(n => n.Id).ToList(), await pages.PageTextAsync($"/Participants/{person.Id}"), one.StatusCode);
        }

        foreach (var allowed in new[] { author, newKeyWorker, teamLeader })
        {
            var (api, page, one) = await SeenByAsync(allowed);
            Assert.Contains(sensitive.Id, api);
            Assert.Contains("Disclosed a health condition", page, StringComparison.Ordinal);
            Assert.Contains("Sensitive: health", page, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, one);
        }

        var (colleagueApi, colleaguePage, colleagueOne) = await SeenByAsync(colleague);
        Assert.Equal([plain.Id], colleagueApi);
        Assert.DoesNotContain("Disclosed a health condition", colleaguePage, StringComparison.Ordinal);
        Assert.Contains("Booked onto the forklift course", colleaguePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, colleagueOne);
        using var partnerApi = await app.ApiClientAsync(partner.Email!);
        Assert.Equal(HttpStatusCode.Forbidden, (await partnerApi.GetAsync(NotesUrl(engagementId))).StatusCode);
    }

    [Fact]
    public async Task Another_leps_notes_answer_404_on_the_api_and_the_page_and_nothing_is_written()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var fife = await app.StaffAsync(Role.TeamLeader, NolbAppFactory.Fife);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        var note = await app.NoteAsync(engagementId, keyWorker, "Glasgow only");
        using var api = await app.ApiClientAsync(fife.Email!);
        using var pages = await app.PageClientAsync(fife.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(NotesUrl(engagementId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"{NotesUrl(engagementId)}/{note.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync(NotesUrl(engagementId), new { date = CaseData.Today.Iso(), text = "Intruder" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsync($"{NotesUrl(engagementId)}/{note.Id}", new { date = CaseData.Today.Iso(), text = "Intruder" }, CaseActivityData.ETag(note.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/Participants/Engagements/{engagementId}/Notes")).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.CaseNotes.CountAsync(n => n.EngagementId == engagementId)));
    }

    [Fact]
    public async Task A_key_worker_reads_a_colleagues_case_but_may_not_add_to_it()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var colleague = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var api = await app.ApiClientAsync(colleague.Email!);
        using var pages = await app.PageClientAsync(colleague.Email!);

        var post = await api.PostAsJsonAsync(NotesUrl(engagementId), new { date = CaseData.Today.Iso(), text = "Not my case" });
        var record = await pages.PageTextAsync($"/Participants/{person.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(NotesUrl(engagementId))).StatusCode);
        Assert.DoesNotContain("Add a case note", record, StringComparison.Ordinal);
        CaseData.AssertAccessDenied(await pages.GetAsync($"/Participants/Engagements/{engagementId}/Notes"));
        Assert.Equal(0, await app.WithDbAsync(db => db.CaseNotes.CountAsync(n => n.EngagementId == engagementId)));
    }

    [Fact]
    public async Task Reading_the_notes_is_audited_against_the_engagement()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var api = await app.ApiClientAsync(keyWorker.Email!);

        (await api.GetAsync(NotesUrl(engagementId))).EnsureSuccessStatusCode();

        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a =>
            a.Action == AuditAction.Read && a.EntityType == "CaseNotes" && a.EntityId == engagementId.ToString() && a.ActorUserId == keyWorker.Id)));
    }

    private sealed record NoteRow(Guid Id, string Text);
}
