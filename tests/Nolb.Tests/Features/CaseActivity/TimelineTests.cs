using System.Net.Http.Json;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.CaseActivity;

/// <summary>The one chronological timeline on a person's record, and its filter by kind.</summary>
public sealed class TimelineTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    [Fact]
    public async Task The_timeline_shows_every_kind_newest_first_and_the_filter_shows_one_kind()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagementId = person.Engagements.Single().Id;
        using var api = await app.ApiClientAsync(keyWorker.Email!);
        (await api.PostAsJsonAsync($"/api/v1/engagements/{engagementId}/interventions", new
        {
            typeCode = "job-search.cv",
            deliveredBy = "OwnTeam",
            startDate = CaseData.Today.AddDays(-5).Iso(),
            outcome = "Ongoing",
        })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/engagements/{engagementId}/notes", new { date = CaseData.Today.AddDays(-1).Iso(), text = "Phoned about the CV" })).EnsureSuccessStatusCode();
        using var pages = await app.PageClientAsync(keyWorker.Email!);

        var everything = await pages.PageTextAsync($"/Participants/{person.Id}");
        var notesOnly = await pages.PageTextAsync($"/Participants/{person.Id}?show=notes");

        var note = everything.IndexOf("Phoned about the CV", StringComparison.Ordinal);
        var intervention = everything.IndexOf("Intervention: Create and update a CV", StringComparison.Ordinal);
        var stage = everything.IndexOf("Stage 1", everything.IndexOf("id=\"timeline\"", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(note > 0 && note < intervention && intervention < stage, $"Expected note, intervention, stage move in that order: {note}, {intervention}, {stage}");
        Assert.Contains("Phoned about the CV", notesOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("Intervention: Create and update a CV", notesOnly, StringComparison.Ordinal);
        Assert.Contains("<strong aria-current=\"page\">Case notes</strong>", notesOnly, StringComparison.Ordinal);
        Assert.Contains("<strong aria-current=\"page\">Everything</strong>", everything, StringComparison.Ordinal);
    }
}
