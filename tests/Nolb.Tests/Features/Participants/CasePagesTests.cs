using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Participants;

/// <summary>Closing engagements, reassigning cases, consent and transfers, through their pages.</summary>
public sealed class CasePagesTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Closing_an_engagement_records_the_date_and_reason_and_lists_it_as_an_earlier_engagement()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var engagement = person.Engagements.Single();
        using var client = await app.PageClientAsync(keyWorker.Email!);
        var url = $"/Participants/Engagements/{engagement.Id}/Close";

        var response = await client.SubmitFormAsync(url, new() { ["Input.Date"] = Iso(CaseData.Today), ["Input.Reason"] = nameof(LeavingReason.EnteredEmployment) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Participants/{person.Id}", response.Headers.Location!.OriginalString);
        var stored = (await app.ReloadAsync(person.Id)).Engagements.Single();
        Assert.Equal(CaseData.Today, stored.LeftOn);
        Assert.Equal(LeavingReason.EnteredEmployment, stored.LeavingReason);
        var record = await client.PageTextAsync($"/Participants/{person.Id}");
        Assert.Contains("The engagement is closed: entered employment.", record, StringComparison.Ordinal);
        Assert.Contains("Earlier engagements", record, StringComparison.Ordinal);
        Assert.Contains("has no open engagement", record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_before_the_engagement_started_or_without_a_reason_is_refused_with_the_field_named()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var url = $"/Participants/Engagements/{person.Engagements.Single().Id}/Close";
        using var client = await app.PageClientAsync(keyWorker.Email!);

        var early = await (await client.SubmitFormAsync(url, new() { ["Input.Date"] = Iso(CaseData.Today.AddDays(-31)), ["Input.Reason"] = nameof(LeavingReason.Other) })).TextAsync();
        var noReason = await (await client.SubmitFormAsync(url, new() { ["Input.Date"] = Iso(CaseData.Today) })).TextAsync();
        var future = await (await client.SubmitFormAsync(url, new() { ["Input.Date"] = Iso(CaseData.Today.AddDays(1)), ["Input.Reason"] = nameof(LeavingReason.Other) })).TextAsync();

        Assert.Contains("<a href=\"#Input_Date\">The leaving date cannot be before the engagement started or before its last stage move</a>", early, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_Reason\">Choose why the person is leaving</a>", noReason, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_Date\">The leaving date cannot be in the future</a>", future, StringComparison.Ordinal);
        Assert.True((await app.ReloadAsync(person.Id)).Engagements.Single().IsOpen);
    }

    [Fact]
    public async Task A_team_leader_reassigns_a_case_and_the_change_appears_in_the_timeline()
    {
        var from = await app.StaffAsync(Role.KeyWorker, name: "Fiona From");
        var to = await app.StaffAsync(Role.KeyWorker, name: "Tam To");
        var teamLeader = await app.StaffAsync(Role.TeamLeader, name: "Lorna Leader");
        var person = await app.PersonAsync(keyWorker: from);
        var url = $"/Participants/Engagements/{person.Engagements.Single().Id}/Reassign";
        using var client = await app.PageClientAsync(teamLeader.Email!);

        var response = await client.SubmitFormAsync(url, new() { ["Input.ToKeyWorkerId"] = to.Id.ToString(), ["Input.Reason"] = "Balancing caseloads" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = (await app.ReloadAsync(person.Id)).Engagements.Single();
        Assert.Equal(to.Id, stored.KeyWorkerId);
        var assignment = Assert.Single(stored.Assignments);
        Assert.Equal((from.Id, to.Id, teamLeader.Id), (assignment.FromKeyWorkerId!.Value, assignment.ToKeyWorkerId!.Value, assignment.RecordedByUserId));
        var record = await client.PageTextAsync($"/Participants/{person.Id}");
        Assert.Contains("The case is now with Tam To.", record, StringComparison.Ordinal);
        Assert.Contains("Case moved from Fiona From to Tam To", record, StringComparison.Ordinal);
        Assert.Contains("Balancing caseloads", record, StringComparison.Ordinal);
        Assert.Contains("Recorded by Lorna Leader", record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reassign_page_offers_only_key_workers_and_team_leaders_of_the_cases_lep()
    {
        var current = await app.StaffAsync(Role.KeyWorker, name: CaseData.UniqueName("Current"));
        var colleague = await app.StaffAsync(Role.KeyWorker, name: CaseData.UniqueName("Colleague"));
        var leader = await app.StaffAsync(Role.TeamLeader, name: CaseData.UniqueName("Leader"));
        var manager = await app.StaffAsync(Role.LepManager, name: CaseData.UniqueName("Manager"));
        var fife = await app.StaffAsync(Role.KeyWorker, NolbAppFactory.Fife, name: CaseData.UniqueName("Fife"));
        var person = await app.PersonAsync(keyWorker: current);
        var url = $"/Participants/Engagements/{person.Engagements.Single().Id}/Reassign";
        using var client = await app.PageClientAsync(leader.Email!);

        var html = await client.PageTextAsync(url);

        Assert.Contains($"The case is now with {current.DisplayName}.", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{colleague.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{leader.Id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{current.Id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(manager.DisplayName, html, StringComparison.Ordinal);
        Assert.DoesNotContain(fife.DisplayName, html, StringComparison.Ordinal);

        var toFife = await client.SubmitFormAsync(url, new() { ["Input.ToKeyWorkerId"] = fife.Id.ToString() });

        Assert.Contains("<a href=\"#Input_ToKeyWorkerId\">Choose a key worker or team leader in this LEP</a>", await toFife.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(current.Id, (await app.ReloadAsync(person.Id)).Engagements.Single().KeyWorkerId);
    }

    [Fact]
    public async Task A_key_worker_cannot_reassign_even_their_own_case()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var other = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var url = $"/Participants/Engagements/{person.Engagements.Single().Id}/Reassign";
        using var client = await app.PageClientAsync(keyWorker.Email!);

        var page = await client.GetAsync(url);
        var record = await client.PageTextAsync($"/Participants/{person.Id}");
        var post = await client.SubmitFormAsync($"/Participants/{person.Id}/Edit", new() { ["Input.ToKeyWorkerId"] = other.Id.ToString() }, postUrl: url);

        CaseData.AssertAccessDenied(page);
        Assert.DoesNotContain("/Reassign", record, StringComparison.Ordinal);
        CaseData.AssertAccessDenied(post);
        Assert.Equal(keyWorker.Id, (await app.ReloadAsync(person.Id)).Engagements.Single().KeyWorkerId);
    }

    [Fact]
    public async Task Consent_to_contact_by_text_is_recorded_with_who_and_when_then_withdrawn_and_texts_stop_being_allowed()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker, name: "Kirsty Consent");
        var person = await app.PersonAsync(keyWorker: keyWorker, with: p => p.PreferredContact = ContactMethod.Text);
        using var client = await app.PageClientAsync(keyWorker.Email!);
        var givenOn = CaseData.Today.AddDays(-2);

        var recorded = await client.SubmitFormAsync($"/Participants/{person.Id}/Consents/Record",
            new() { ["Input.Kind"] = nameof(ConsentKind.ContactByText), ["Input.GivenOn"] = Iso(givenOn) });

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var consent = Assert.Single((await app.ReloadAsync(person.Id)).Consents);
        Assert.Equal((ConsentKind.ContactByText, givenOn, keyWorker.Id, true), (consent.Kind, consent.GivenOn, consent.RecordedByUserId, consent.IsActive));
        var withConsent = await client.PageTextAsync($"/Participants/{person.Id}");
        Assert.Contains("Consent recorded: contact by text message.", withConsent, StringComparison.Ordinal);
        Assert.Contains("recorded by Kirsty Consent</td>", withConsent, StringComparison.Ordinal);
        Assert.Contains("<td>Active</td>", withConsent, StringComparison.Ordinal);
        Assert.DoesNotContain("but that is not allowed now", withConsent, StringComparison.Ordinal);

        var withdrawUrl = $"/Participants/{person.Id}/Consents/{consent.Id}/Withdraw";
        var confirmPage = await client.PageTextAsync(withdrawUrl);
        Assert.Contains("The person agreed to: <strong>Contact by text message</strong>", confirmPage, StringComparison.Ordinal);
        Assert.Contains("staff must stop sending text messages", confirmPage, StringComparison.Ordinal);

        var withdrawn = await client.SubmitFormAsync(withdrawUrl, new() { ["Input.WithdrawnOn"] = Iso(CaseData.Today) });

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var stored = Assert.Single((await app.ReloadAsync(person.Id)).Consents);
        Assert.Equal((CaseData.Today, keyWorker.Id), (stored.WithdrawnOn!.Value, stored.WithdrawalRecordedByUserId!.Value));
        var after = await client.PageTextAsync($"/Participants/{person.Id}");
        Assert.Contains("Consent withdrawn: contact by text message.", after, StringComparison.Ordinal);
        Assert.Contains("<td>Withdrawn ", after, StringComparison.Ordinal);
        Assert.Contains("They prefer text message, but that is not allowed now", after, StringComparison.Ordinal);
        Assert.DoesNotContain(withdrawUrl, after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_to_share_names_a_partner_of_the_lep_and_the_same_active_consent_is_not_recorded_twice()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var (glasgowPartner, fifePartner) = await app.WithDbAsync(async db =>
        {
            var glasgow = new Organisation { Name = CaseData.UniqueName("GlasgowPartner"), Kind = OrganisationKind.ThirdSector, LepId = person.LepId };
            var fife = new Organisation { Name = CaseData.UniqueName("FifePartner"), Kind = OrganisationKind.ThirdSector, LepId = await db.Leps.Where(l => l.Code == NolbAppFactory.Fife).Select(l => l.Id).SingleAsync() };
            db.Organisations.AddRange(glasgow, fife);
            await db.SaveChangesAsync();
            return (glasgow, fife);
        });
        var url = $"/Participants/{person.Id}/Consents/Record";
        using var client = await app.PageClientAsync(keyWorker.Email!);
        Dictionary<string, string> Share(Guid? organisation) => new()
        {
            ["Input.Kind"] = nameof(ConsentKind.ShareWithPartner),
            ["Input.GivenOn"] = Iso(CaseData.Today),
            ["Input.OrganisationId"] = organisation?.ToString() ?? "",
        };

        var form = await client.PageTextAsync(url);
        var noPartner = await (await client.SubmitFormAsync(url, Share(null))).TextAsync();
        var otherLep = await (await client.SubmitFormAsync(url, Share(fifePartner.Id))).TextAsync();
        var first = await client.SubmitFormAsync(url, Share(glasgowPartner.Id));
        var again = await (await client.SubmitFormAsync(url, Share(glasgowPartner.Id))).TextAsync();

        Assert.Contains(glasgowPartner.Name, form, StringComparison.Ordinal);
        Assert.DoesNotContain(fifePartner.Name, form, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_OrganisationId\">Name the partner organisation the person agreed to share with</a>", noPartner, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_OrganisationId\">Name the partner organisation the person agreed to share with</a>", otherLep, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("<a href=\"#Input_Kind\">This consent is already recorded and has not been withdrawn</a>", again, StringComparison.Ordinal);
        var consent = Assert.Single((await app.ReloadAsync(person.Id)).Consents);
        Assert.Equal(glasgowPartner.Id, consent.OrganisationId);
        Assert.Contains($"Share information with a named partner: {glasgowPartner.Name}", await client.PageTextAsync($"/Participants/{person.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_cannot_be_dated_in_the_future_nor_withdrawn_before_it_was_given()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        Consent consent = null!;
        var person = await app.PersonAsync(keyWorker: keyWorker, with: p => consent = p.AddConsent(ConsentKind.UseInEvaluation, keyWorker.Id));
        using var client = await app.PageClientAsync(keyWorker.Email!);

        var future = await (await client.SubmitFormAsync($"/Participants/{person.Id}/Consents/Record",
            new() { ["Input.Kind"] = nameof(ConsentKind.ContactByEmail), ["Input.GivenOn"] = Iso(CaseData.Today.AddDays(1)) })).TextAsync();
        var early = await (await client.SubmitFormAsync($"/Participants/{person.Id}/Consents/{consent.Id}/Withdraw",
            new() { ["Input.WithdrawnOn"] = Iso(consent.GivenOn.AddDays(-1)) })).TextAsync();

        Assert.Contains("<a href=\"#Input_GivenOn\">Enter the date the person agreed, today or earlier</a>", future, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_WithdrawnOn\">Enter the date the person withdrew consent", early, StringComparison.Ordinal);
        var stored = Assert.Single((await app.ReloadAsync(person.Id)).Consents);
        Assert.True(stored.IsActive);
    }

    [Fact]
    public async Task A_transfer_without_the_persons_consent_is_refused_and_the_page_says_so()
    {
        var teamLeader = await app.StaffAsync(Role.TeamLeader);
        var person = await app.PersonAsync(keyWorker: teamLeader);
        var url = $"/Participants/{person.Id}/Transfer";
        using var client = await app.PageClientAsync(teamLeader.Email!);

        var page = await client.PageTextAsync(url);
        var response = await client.SubmitFormAsync(url, new() { ["Input.ToLepCode"] = NolbAppFactory.Fife });

        Assert.Contains("has not agreed to have their record transferred", page, StringComparison.Ordinal);
        Assert.Contains("nobody in your LEP can open the person's record any more", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_ToLepCode\">Record the person's consent to transfer their record before transferring it</a>", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(person.LepId, (await app.ReloadAsync(person.Id)).LepId);
    }

    [Fact]
    public async Task A_withdrawn_transfer_consent_no_longer_allows_a_transfer()
    {
        var teamLeader = await app.StaffAsync(Role.TeamLeader);
        var person = await app.PersonAsync(keyWorker: teamLeader, with: p => p.AddConsent(ConsentKind.TransferToAnotherLep, teamLeader.Id).Withdraw(CaseData.Today, teamLeader.Id));
        using var client = await app.PageClientAsync(teamLeader.Email!);

        var response = await client.SubmitFormAsync($"/Participants/{person.Id}/Transfer", new() { ["Input.ToLepCode"] = NolbAppFactory.Fife });

        Assert.Contains("Record the person's consent to transfer their record before transferring it", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(person.LepId, (await app.ReloadAsync(person.Id)).LepId);
    }

    [Fact]
    public async Task A_transfer_with_consent_moves_the_record_to_the_new_lep_and_the_sending_lep_keeps_its_closed_engagement()
    {
        var teamLeader = await app.StaffAsync(Role.TeamLeader);
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var fifeKeyWorker = await app.StaffAsync(Role.KeyWorker, NolbAppFactory.Fife);
        var person = await app.PersonAsync(keyWorker: keyWorker, with: p => p.AddConsent(ConsentKind.TransferToAnotherLep, keyWorker.Id));
        var glasgow = person.LepId;
        using var client = await app.PageClientAsync(teamLeader.Email!);

        var response = await client.SubmitFormAsync($"/Participants/{person.Id}/Transfer", new() { ["Input.ToLepCode"] = NolbAppFactory.Fife });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Caseload", response.Headers.Location!.OriginalString);
        Assert.Contains($"is transferred to Fife LEP", await client.PageTextAsync("/Caseload"), StringComparison.Ordinal);
        var stored = await app.ReloadAsync(person.Id);
        Assert.Equal(await app.LepIdAsync(NolbAppFactory.Fife), stored.LepId);
        var kept = Assert.Single(stored.Engagements);
        Assert.Equal((glasgow, LeavingReason.MovedToAnotherArea, CaseData.Today), (kept.LepId, kept.LeavingReason!.Value, kept.LeftOn!.Value));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Participants/{person.Id}")).StatusCode);
        using var glasgowKeyWorker = await app.PageClientAsync(keyWorker.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await glasgowKeyWorker.GetAsync($"/Participants/{person.Id}")).StatusCode);
        Assert.DoesNotContain(person.Reference, await glasgowKeyWorker.PageTextAsync("/Caseload"), StringComparison.Ordinal);
        using var fife = await app.PageClientAsync(fifeKeyWorker.Email!);
        var fifeView = await fife.PageTextAsync($"/Participants/{person.Id}");
        Assert.Contains(person.Reference, fifeView, StringComparison.Ordinal);
        Assert.Contains("Moved to another area", fifeView, StringComparison.Ordinal);
        Assert.Contains(person.Reference, await fife.PageTextAsync($"/Participants?Search={person.Reference}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_worker_cannot_transfer_a_record()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker, with: p => p.AddConsent(ConsentKind.TransferToAnotherLep, keyWorker.Id));
        using var client = await app.PageClientAsync(keyWorker.Email!);

        var page = await client.GetAsync($"/Participants/{person.Id}/Transfer");
        var post = await client.SubmitFormAsync("/Participants/Register", new() { ["Input.ToLepCode"] = NolbAppFactory.Fife }, postUrl: $"/Participants/{person.Id}/Transfer");

        CaseData.AssertAccessDenied(page);
        CaseData.AssertAccessDenied(post);
        Assert.Equal(person.LepId, (await app.ReloadAsync(person.Id)).LepId);
    }
}
