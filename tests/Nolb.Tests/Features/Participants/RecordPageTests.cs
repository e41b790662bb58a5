using System.Net;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Participants;

public sealed class RecordPageTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private Task<List<AuditEntry>> ReadsOfAsync(Guid participantId) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditAction.Read && a.EntityType == nameof(Participant) && a.EntityId == participantId.ToString())
            .ToListAsync());

    [Fact]
    public async Task Every_view_of_a_record_is_audited_with_who_and_which_lep()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var teamLeader = await app.StaffAsync(Role.TeamLeader);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        using var keyWorkerClient = await app.PageClientAsync(keyWorker.Email!);
        using var teamLeaderClient = await app.PageClientAsync(teamLeader.Email!);

        await keyWorkerClient.PageTextAsync($"/Participants/{person.Id}");
        await keyWorkerClient.PageTextAsync($"/Participants/{person.Id}");
        await teamLeaderClient.PageTextAsync($"/Participants/{person.Id}");

        var reads = await ReadsOfAsync(person.Id);
        Assert.Equal(2, reads.Count(r => r.ActorUserId == keyWorker.Id));
        Assert.Equal(1, reads.Count(r => r.ActorUserId == teamLeader.Id));
        Assert.All(reads, r => Assert.Equal(person.LepId, r.LepId));
    }

    [Fact]
    public async Task Opening_the_change_details_form_is_audited_as_a_read()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        using var client = await app.PageClientAsync(keyWorker.Email!);

        await client.PageTextAsync($"/Participants/{person.Id}/Edit");

        Assert.Single(await ReadsOfAsync(person.Id), r => r.ActorUserId == keyWorker.Id);
    }

    [Fact]
    public async Task A_refused_view_is_not_recorded_as_a_read()
    {
        var fifeKeyWorker = await app.StaffAsync(Role.KeyWorker, NolbAppFactory.Fife);
        var person = await app.PersonAsync();
        using var client = await app.PageClientAsync(fifeKeyWorker.Email!);

        var response = await client.GetAsync($"/Participants/{person.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await ReadsOfAsync(person.Id));
    }

    [Theory]
    [InlineData(Role.KeyWorker)]
    [InlineData(Role.TeamLeader)]
    public async Task Equality_answers_are_shown_to_the_roles_permitted_to_see_them(Role role)
    {
        var user = await app.StaffAsync(role);
        var person = await app.PersonAsync(with: p => p.Equality = new EqualityMonitoring { Ethnicity = Ethnicity.WhitePolish, Religion = Religion.PreferNotToSay });
        using var client = await app.PageClientAsync(user.Email!);

        var html = await client.PageTextAsync($"/Participants/{person.Id}");

        Assert.True(RolePermissions.Has(role, Permissions.Participants.ReadEqualityData));
        Assert.Contains("<h2>Equality monitoring</h2>", html, StringComparison.Ordinal);
        Assert.Contains("White: Polish", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Role.LepManager)]
    [InlineData(Role.PartnerWorker)]
    [InlineData(Role.EmployerEngagementOfficer)]
    [InlineData(Role.NationalAnalyst)]
    [InlineData(Role.Administrator)]
    public async Task Roles_without_the_equality_permission_cannot_open_the_record_at_all(Role role)
    {
        var user = await app.CreateUserAsync(role);
        var person = await app.PersonAsync(with: p => p.Equality = new EqualityMonitoring { Ethnicity = Ethnicity.WhitePolish });
        using var client = await app.PageClientAsync(user.Email!);

        var response = await client.GetAsync($"/Participants/{person.Id}");

        Assert.False(RolePermissions.Has(role, Permissions.Participants.ReadEqualityData));
        CaseData.AssertAccessDenied(response);
        Assert.DoesNotContain("White: Polish", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_entered_by_users_is_encoded_on_the_record_the_caseload_and_the_search_results()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var family = CaseData.UniqueName("Enc");
        var person = await app.PersonAsync(keyWorker: keyWorker, given: "<script>alert(1)</script>", family: family,
            with: p => p.AddressLine = "<img src=x onerror=alert(2)>");
        using var client = await app.PageClientAsync(keyWorker.Email!);

        foreach (var url in new[] { $"/Participants/{person.Id}", "/Caseload", $"/Participants?Search={family}" })
        {
            var raw = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", raw, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert(1)", raw, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", raw, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_record_shows_the_stage_timeline_newest_first_with_who_recorded_each_move()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker, name: "Aileen Timeline");
        var person = await app.PersonAsync(keyWorker: keyWorker, with: p =>
        {
            var engagement = p.Engagements.Single();
            Assert.True(engagement.MoveTo(PipelineStage.VocationalActivity, CaseData.Today.AddDays(-20), "Started a forklift course", keyWorker.Id, CaseData.Today, DateTime.UtcNow).Succeeded);
            Assert.True(engagement.MoveTo(PipelineStage.NeedsAssessmentAndBarrierRemoval, CaseData.Today.AddDays(-5), "Housing crisis: back to barrier removal", keyWorker.Id, CaseData.Today, DateTime.UtcNow).Succeeded);
        });
        using var client = await app.PageClientAsync(keyWorker.Email!);

        var html = await client.PageTextAsync($"/Participants/{person.Id}");

        var back = html.IndexOf("Housing crisis: back to barrier removal", StringComparison.Ordinal);
        var course = html.IndexOf("Started a forklift course", StringComparison.Ordinal);
        var started = html.IndexOf("Engagement started", StringComparison.Ordinal);
        Assert.True(back > 0 && back < course && course < started, "The timeline is newest first");
        Assert.Contains("Stage 2. Needs assessment and barrier removal</p>", html, StringComparison.Ordinal);
        Assert.Contains("Recorded by Aileen Timeline", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_record_says_which_contact_routes_are_allowed_now_and_text_needs_consent()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var withoutConsent = await app.PersonAsync(keyWorker: keyWorker, with: p => p.PreferredContact = ContactMethod.Text);
        var withConsent = await app.PersonAsync(keyWorker: keyWorker, with: p =>
        {
            p.PreferredContact = ContactMethod.Text;
            p.AddConsent(ConsentKind.ContactByText, keyWorker.Id);
        });
        using var client = await app.PageClientAsync(keyWorker.Email!);

        var refused = await client.PageTextAsync($"/Participants/{withoutConsent.Id}");
        var allowed = await client.PageTextAsync($"/Participants/{withConsent.Id}");

        Assert.Contains("May be contacted now by</dt><dd class=\"ds_summary-list__value\">phone call, in person", refused, StringComparison.Ordinal);
        Assert.Contains("They prefer text message, but that is not allowed now", refused, StringComparison.Ordinal);
        Assert.Contains("May be contacted now by</dt><dd class=\"ds_summary-list__value\">phone call, text message, in person", allowed, StringComparison.Ordinal);
        Assert.DoesNotContain("but that is not allowed now", allowed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_id_answers_404()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        using var client = await app.PageClientAsync(keyWorker.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Participants/{Guid.NewGuid()}")).StatusCode);
    }
}
