using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.ServiceDirectory;

/// <summary>Referrals through the API: consent decides what is shared, partners see only their own organisation's, overdue flags, inbound triage.</summary>
public sealed class ReferralsApiTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private static readonly string[] ShareName = ["Name", "DateOfBirth"];

    private async Task<(NolbUser KeyWorker, Participant Person, Web.Domain.Organisation Org, Web.Domain.ServiceDirectory.DirectoryService Service, NolbUser Partner)> SetUpAsync(bool consent)
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var org = await app.OrganisationAsync();
        var service = await app.ServiceAsync(org);
        var partner = await app.CreateUserAsync(Role.PartnerWorker, organisationId: org.Id);
        var person = await app.PersonAsync(keyWorker: keyWorker, with: p =>
        {
            if (consent)
            {
                p.AddConsent(ConsentKind.ShareWithPartner, keyWorker.Id, org.Id);
            }
        });
        return (keyWorker, person, org, service, partner);
    }

    [Fact]
    public async Task Without_consent_to_share_personal_details_are_refused_and_a_referral_without_them_carries_none()
    {
        var (keyWorker, person, _, service, _) = await SetUpAsync(consent: false);
        using var client = await app.ApiClientAsync(keyWorker.Email!);

        var refused = await client.PostAsJsonAsync("/api/v1/referrals", new { participantId = person.Id, serviceId = service.Id, reason = "Needs work experience", share = ShareName });
        var sent = await client.PostAsJsonAsync("/api/v1/referrals", new { participantId = person.Id, serviceId = service.Id, reason = "Needs work experience" });

        Assert.Equal(["share"], await refused.ErrorFieldsAsync());
        Assert.Contains("has not agreed to share their details", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var body = await sent.JsonOkAsync(HttpStatusCode.Created);
        Assert.False(body.GetProperty("consentToShare").GetBoolean());
        var stored = await app.WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.ParticipantId == person.Id));
        Assert.True(stored.Shared.IsEmpty);
    }

    [Fact]
    public async Task With_consent_only_the_chosen_details_are_sent()
    {
        var (keyWorker, person, _, service, partner) = await SetUpAsync(consent: true);
        using var client = await app.ApiClientAsync(keyWorker.Email!);

        var sent = await client.PostAsJsonAsync("/api/v1/referrals", new { participantId = person.Id, serviceId = service.Id, reason = "Needs work experience", share = ShareName });

        var id = (await sent.JsonOkAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var partnerClient = await app.ApiClientAsync(partner.Email!);
        var seen = await (await partnerClient.GetAsync($"/api/v1/referrals/{id}")).JsonOkAsync();
        var shared = seen.GetProperty("shared");
        Assert.Equal($"{person.GivenName} {person.FamilyName}", shared.GetProperty("name").GetString());
        Assert.Equal(JsonValueKindNull, shared.GetProperty("phone").ValueKind);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Referral" && a.EntityId == id.ToString() && a.ActorUserId == partner.Id)));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task A_partner_sees_and_answers_only_referrals_to_their_own_organisation()
    {
        var (keyWorker, person, _, service, partner) = await SetUpAsync(consent: true);
        var otherOrg = await app.OrganisationAsync();
        var otherPartner = await app.CreateUserAsync(Role.PartnerWorker, organisationId: otherOrg.Id);
        using var client = await app.ApiClientAsync(keyWorker.Email!);
        var id = (await (await client.PostAsJsonAsync("/api/v1/referrals", new { participantId = person.Id, serviceId = service.Id, reason = "Confidence group" }))
            .JsonOkAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var outsider = await app.ApiClientAsync(otherPartner.Email!);
        using var receiver = await app.ApiClientAsync(partner.Email!);

        Assert.DoesNotContain(id.ToString(), await outsider.GetStringAsync("/api/v1/referrals/inbox"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/referrals/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/referrals/{id}/accept", new { })).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await outsider.GetAsync($"/api/v1/participants/{person.Id}")).StatusCode);

        Assert.Contains(id.ToString(), await receiver.GetStringAsync("/api/v1/referrals/inbox"), StringComparison.Ordinal);
        (await receiver.PostAsJsonAsync($"/api/v1/referrals/{id}/accept", new { })).EnsureSuccessStatusCode();
        (await receiver.PostAsJsonAsync($"/api/v1/referrals/{id}/first-contact", new { date = CaseData.Today.Iso() })).EnsureSuccessStatusCode();
        var completed = await (await receiver.PostAsJsonAsync($"/api/v1/referrals/{id}/complete", new { outcome = "Finished the course" })).JsonOkAsync();

        Assert.Equal("Completed", completed.GetProperty("status").GetString());
        var outbox = await client.GetStringAsync("/api/v1/referrals/outbox");
        Assert.Contains(id.ToString(), outbox, StringComparison.Ordinal);
    }

    /// <summary>Withdrawing consent to share with the organisation takes the person's details off its open referrals; closed ones are history.</summary>
    [Fact]
    public async Task Withdrawing_consent_to_share_takes_the_details_off_open_referrals_to_that_organisation()
    {
        var (keyWorker, person, _, service, partner) = await SetUpAsync(consent: true);
        using var client = await app.ApiClientAsync(keyWorker.Email!);
        async Task<Guid> ReferAsync() => (await (await client.PostAsJsonAsync("/api/v1/referrals", new { participantId = person.Id, serviceId = service.Id, reason = "Confidence group", share = ShareName }))
            .JsonOkAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var completed = await ReferAsync();
        var open = await ReferAsync();
        using var receiver = await app.ApiClientAsync(partner.Email!);
        (await receiver.PostAsJsonAsync($"/api/v1/referrals/{completed}/accept", new { })).EnsureSuccessStatusCode();
        (await receiver.PostAsJsonAsync($"/api/v1/referrals/{completed}/complete", new { outcome = "Done" })).EnsureSuccessStatusCode();
        var consent = (await app.ReloadAsync(person.Id)).Consents.Single(c => c.Kind == ConsentKind.ShareWithPartner);
        using var pages = await app.PageClientAsync(keyWorker.Email!);

        var withdrawn = await pages.SubmitFormAsync($"/Participants/{person.Id}/Consents/{consent.Id}/Withdraw", new() { ["Input.WithdrawnOn"] = CaseData.Today.Iso() });

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var seen = await (await receiver.GetAsync($"/api/v1/referrals/{open}")).JsonOkAsync();
        Assert.False(seen.GetProperty("consentToShare").GetBoolean());
        Assert.Equal(JsonValueKindNull, seen.GetProperty("shared").GetProperty("name").ValueKind);
        Assert.Equal(JsonValueKindNull, seen.GetProperty("shared").GetProperty("dateOfBirth").ValueKind);
        Assert.Equal("Confidence group", seen.GetProperty("reason").GetString());
        var history = await (await receiver.GetAsync($"/api/v1/referrals/{completed}")).JsonOkAsync();
        Assert.Equal($"{person.GivenName} {person.FamilyName}", history.GetProperty("shared").GetProperty("name").GetString());
        using var partnerPages = await app.PageClientAsync(partner.Email!);
        Assert.Contains("the person has not agreed to share their details with this organisation", await partnerPages.PageTextAsync($"/Referrals/{open}"), StringComparison.Ordinal);
    }

    /// <summary>The outbox is for those who make or send referrals: a staff member who does neither is refused.</summary>
    [Fact]
    public async Task The_outbox_refuses_roles_that_neither_make_nor_send_referrals()
    {
        var officer = await app.StaffAsync(Role.EmployerEngagementOfficer);
        using var client = await app.ApiClientAsync(officer.Email!);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/referrals/outbox")).StatusCode);
    }

    [Fact]
    public async Task Declining_needs_a_reason_and_a_note_when_the_reason_is_other_and_cannot_be_done_twice()
    {
        var (keyWorker, person, _, service, partner) = await SetUpAsync(consent: false);
        using var client = await app.ApiClientAsync(keyWorker.Email!);
        var id = (await (await client.PostAsJsonAsync("/api/v1/referrals", new { participantId = person.Id, serviceId = service.Id, reason = "Debt advice" }))
            .JsonOkAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var receiver = await app.ApiClientAsync(partner.Email!);

        var noReason = await receiver.PostAsJsonAsync($"/api/v1/referrals/{id}/decline", new { note = "x" });
        var noNote = await receiver.PostAsJsonAsync($"/api/v1/referrals/{id}/decline", new { reason = "Other" });
        var declined = await receiver.PostAsJsonAsync($"/api/v1/referrals/{id}/decline", new { reason = "NoCapacity", note = "Full until April" });
        var again = await receiver.PostAsJsonAsync($"/api/v1/referrals/{id}/accept", new { });

        Assert.Equal(["reason"], await noReason.ErrorFieldsAsync());
        Assert.Equal(["note"], await noNote.ErrorFieldsAsync());
        Assert.Equal("Declined", (await declined.JsonOkAsync()).GetProperty("status").GetString());
        Assert.Equal(["status"], await again.ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_referral_nobody_has_answered_for_more_than_the_allowed_working_days_is_flagged_overdue_to_both_sides()
    {
        var (keyWorker, person, _, service, partner) = await SetUpAsync(consent: false);
        using var client = await app.ApiClientAsync(keyWorker.Email!);
        var old = (await (await client.PostAsJsonAsync("/api/v1/referrals", new { participantId = person.Id, serviceId = service.Id, reason = "Old" }))
            .JsonOkAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var fresh = (await (await client.PostAsJsonAsync("/api/v1/referrals", new { participantId = person.Id, serviceId = service.Id, reason = "New" }))
            .JsonOkAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        // Fourteen calendar days always hold ten working days: more than the default five.
        await app.WithDbAsync(db => db.Referrals.Where(r => r.Id == old).ExecuteUpdateAsync(r => r.SetProperty(x => x.SentAt, DateTime.UtcNow.AddDays(-14))));
        using var receiver = await app.ApiClientAsync(partner.Email!);

        var inbox = (await (await receiver.GetAsync("/api/v1/referrals/inbox")).JsonOkAsync()).EnumerateArray().ToList();
        var outbox = (await (await client.GetAsync("/api/v1/referrals/outbox")).JsonOkAsync()).EnumerateArray().ToList();

        bool Overdue(List<System.Text.Json.JsonElement> rows, Guid id) => rows.Single(r => r.GetProperty("id").GetGuid() == id).GetProperty("overdue").GetBoolean();
        Assert.True(Overdue(inbox, old));
        Assert.False(Overdue(inbox, fresh));
        Assert.True(Overdue(outbox, old));
        (await receiver.PostAsJsonAsync($"/api/v1/referrals/{old}/accept", new { })).EnsureSuccessStatusCode();
        var after = (await (await receiver.GetAsync("/api/v1/referrals/inbox")).JsonOkAsync()).EnumerateArray().ToList();
        Assert.False(Overdue(after, old));
    }

    [Fact]
    public async Task A_key_worker_cannot_refer_another_leps_person_or_to_another_leps_service()
    {
        var (keyWorker, person, _, _, _) = await SetUpAsync(consent: false);
        var fifeService = await app.ServiceAsync(await app.OrganisationAsync(NolbAppFactory.Fife), NolbAppFactory.Fife);
        var fifeWorker = await app.StaffAsync(Role.KeyWorker, NolbAppFactory.Fife);
        var fifePerson = await app.PersonAsync(NolbAppFactory.Fife, fifeWorker);
        using var client = await app.ApiClientAsync(keyWorker.Email!);

        var otherPerson = await client.PostAsJsonAsync("/api/v1/referrals", new { participantId = fifePerson.Id, serviceId = fifeService.Id, reason = "x" });
        var otherService = await client.PostAsJsonAsync("/api/v1/referrals", new { participantId = person.Id, serviceId = fifeService.Id, reason = "x" });

        Assert.Equal(HttpStatusCode.NotFound, otherPerson.StatusCode);
        Assert.Equal(["serviceId"], await otherService.ErrorFieldsAsync());
    }

    [Fact]
    public async Task An_inbound_referral_lands_in_its_leps_triage_list_and_a_team_leader_allocates_it()
    {
        var jobcentre = await app.OrganisationAsync();
        var sender = await app.CreateUserAsync(Role.PartnerWorker, organisationId: jobcentre.Id);
        var teamLeader = await app.StaffAsync(Role.TeamLeader);
        var fifeLeader = await app.StaffAsync(Role.TeamLeader, NolbAppFactory.Fife);
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        using var partner = await app.ApiClientAsync(sender.Email!);

        var bad = await partner.PostAsJsonAsync("/api/v1/referrals/inbound", new { givenName = "Ailsa", familyName = "Reid", reason = "Wants to work" });
        var sent = await partner.PostAsJsonAsync("/api/v1/referrals/inbound", new { givenName = "Ailsa", familyName = "Reid", phone = "0141 496 0001", reason = "Wants to work" });

        Assert.Equal(["phone"], await bad.ErrorFieldsAsync());
        var id = (await sent.JsonOkAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var leader = await app.ApiClientAsync(teamLeader.Email!);
        using var otherLeader = await app.ApiClientAsync(fifeLeader.Email!);
        Assert.Contains(id.ToString(), await leader.GetStringAsync("/api/v1/referrals/triage"), StringComparison.Ordinal);
        Assert.DoesNotContain(id.ToString(), await otherLeader.GetStringAsync("/api/v1/referrals/triage"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await otherLeader.PostAsJsonAsync($"/api/v1/referrals/{id}/allocate", new { keyWorkerId = keyWorker.Id })).StatusCode);

        var allocated = await leader.PostAsJsonAsync($"/api/v1/referrals/{id}/allocate", new { keyWorkerId = keyWorker.Id });

        Assert.Equal("Allocated", (await allocated.JsonOkAsync()).GetProperty("status").GetString());
        Assert.Equal(keyWorker.Id, await app.WithDbAsync(db => db.Referrals.Where(r => r.Id == id).Select(r => r.AllocatedToUserId).SingleAsync()));
    }
}
