using System.Net;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.CaseActivity;

/// <summary>
/// The 24-hour window in which an author may change a note, moved through by the app's clock. A class of its
/// own because it moves the clock of its fixture.
/// </summary>
public sealed class NoteEditWindowTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>, IDisposable
{
    public void Dispose() => app.Clock.Offset = TimeSpan.Zero;

    [Fact]
    public async Task The_author_may_change_a_note_for_24_hours_and_after_that_only_add_a_correction()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        var note = await app.NoteAsync(engagementId, keyWorker, "Said they would call back");
        var noteUrl = $"/Participants/Engagements/{engagementId}/Notes/{note.Id}";

        app.Clock.Offset = TimeSpan.FromHours(23);
        using (var pages = await app.PageClientAsync(keyWorker.Email!))
        {
            var response = await pages.SubmitFormAsync(noteUrl, new()
            {
                ["Input.Date"] = CaseData.Today.Iso(),
                ["Input.Text"] = "Said they would call back on Friday",
                ["Input.Version"] = note.Version.ToString(),
            });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var changed = await app.WithDbAsync(db => db.CaseNotes.AsNoTracking().SingleAsync(n => n.Id == note.Id));
        Assert.Equal("Said they would call back on Friday", changed.Text);

        app.Clock.Offset = TimeSpan.FromHours(25);
        using var late = await app.PageClientAsync(keyWorker.Email!);
        using var api = await app.ApiClientAsync(keyWorker.Email!);

        CaseData.AssertAccessDenied(await late.GetAsync(noteUrl));
        var put = await api.PutAsync($"/api/v1/engagements/{engagementId}/notes/{note.Id}",
            new { date = CaseData.Today.Iso(), text = "Too late" }, CaseActivityData.ETag(changed.Version));
        var record = await late.PageTextAsync($"/Participants/{person.Id}");

        Assert.Equal(["text"], await put.ErrorFieldsAsync());
        Assert.Contains("24 hours", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Add a correction", record, StringComparison.Ordinal);
        Assert.DoesNotContain("Change the note", record, StringComparison.Ordinal);
        Assert.Equal("Said they would call back on Friday", (await app.WithDbAsync(db => db.CaseNotes.AsNoTracking().SingleAsync(n => n.Id == note.Id))).Text);
    }
}
