using Microsoft.Playwright;
using Nolb.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Nolb.BrowserTests;

/// <summary>Issue 5 in a browser: a referral between a key worker and a partner, each in their own browser.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ReferralJourneyTests(BrowserFixture browser)
{
    /// <summary>
    /// A key worker refers a person who agreed to share their details with the partner; the partner worker, in
    /// another browser, sees it in their inbox, accepts it, records first contact and completes it; the key worker
    /// sees each step's status and timing on the person's record.
    /// </summary>
    [Fact]
    public async Task Key_worker_refers_and_the_partner_accepts_records_first_contact_and_completes()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var organisation = await browser.Server.CreateOrganisationAsync($"Referral Trust {suffix}");
        var partner = await browser.Server.CreateUserAsync(Role.PartnerWorker, $"Partner {suffix}", organisation.Id);
        var keyWorker = await browser.Server.CreateUserAsync(Role.KeyWorker, $"Referring Worker {suffix}");
        var person = await browser.Server.CreateParticipantAsync("Shona", $"Referred{suffix}", new DateOnly(1993, 9, 14), keyWorker.Id);
        await browser.Server.AddShareConsentAsync(person.Id, organisation.Id, keyWorker.Id);
        var service = await browser.Server.CreateDirectoryServiceAsync(organisation.Id, $"Confidence course {suffix}");

        await using var worker = await browser.OpenAsync(keyWorker);
        await using var receiver = await browser.OpenAsync(partner);
        var page = worker.Page;

        // The key worker refers Shona, sharing her name and contact details.
        await page.GotoAsync($"/Participants/{person.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Refer to a service" }).ClickAsync();
        await page.GetByLabel("Service", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{service.Name} ({organisation.Name})" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Referral to {service.Name}" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "What to share" })).ToContainTextAsync($"has agreed to share their details with {organisation.Name}");
        await page.GetByLabel("Why you are referring the person and what they need").FillAsync("Wants to build confidence before interviews.");
        await page.GetByLabel("Name", new() { Exact = true }).ChooseAsync();
        await page.GetByLabel("Phone number and email").ChooseAsync();
        await worker.AssertAccessibleAsync("refer, filled in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the referral" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The referral is sent.");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Sent, waiting for an answer");
        await worker.AssertAccessibleAsync("the referral, as sent");

        // The partner worker sees it in their inbox with only what was shared, and accepts it.
        var inbox = receiver.Page;
        await inbox.GotoAsync("/");
        await inbox.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Referrals received" }).First.ClickAsync();
        var open = inbox.GetByRole(AriaRole.Table, new() { Name = "Open referrals" });
        await Expect(open.GetByRole(AriaRole.Row).Filter(new() { HasText = person.DisplayName })).ToContainTextAsync(service.Name);
        await receiver.AssertAccessibleAsync("the partner's inbox");
        await open.GetByRole(AriaRole.Link, new() { Name = person.DisplayName }).ClickAsync();
        var facts = inbox.Locator("dl.ds_summary-list");
        await Expect(facts).ToContainTextAsync($"Name: {person.DisplayName}");
        await Expect(facts).ToContainTextAsync("Phone: 0141 496 0000");
        await Expect(facts).Not.ToContainTextAsync("Date of birth");
        await Expect(facts).Not.ToContainTextAsync("G1 1XQ");
        await receiver.AssertAccessibleAsync("the referral, to answer");
        await inbox.GetByRole(AriaRole.Button, new() { Name = "Accept the referral" }).ClickAsync();
        await Expect(inbox.GetByRole(AriaRole.Status)).ToContainTextAsync("You accepted the referral.");

        // The key worker sees it accepted on the record.
        await page.GotoAsync($"/Participants/{person.Id}");
        var row = page.GetByRole(AriaRole.Table, new() { Name = "Referrals" }).GetByRole(AriaRole.Row).Filter(new() { HasText = service.Name });
        await Expect(row.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("Accepted");
        await Expect(row.GetByRole(AriaRole.Cell).Nth(3)).ToContainTextAsync("Answered ");

        // The partner records first contact, then completes it.
        await inbox.GetByLabel("Date you first spoke to or met the person").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await inbox.GetByRole(AriaRole.Button, new() { Name = "Record first contact" }).ClickAsync();
        await Expect(inbox.GetByRole(AriaRole.Status)).ToContainTextAsync("First contact is recorded.");
        await Expect(inbox.GetByRole(AriaRole.Button, new() { Name = "Record first contact" })).ToHaveCountAsync(0);
        await inbox.GetByLabel("Outcome (optional)").FillAsync("Finished the six-week course");
        await inbox.GetByRole(AriaRole.Button, new() { Name = "Complete the referral" }).ClickAsync();
        await Expect(inbox.GetByRole(AriaRole.Status)).ToContainTextAsync("The referral is completed.");
        await inbox.GotoAsync("/Referrals/Inbox");
        await Expect(inbox.GetByRole(AriaRole.Table, new() { Name = "Declined and completed referrals" })).ToContainTextAsync(person.DisplayName);

        // The key worker sees every timing, on the referrals table and on the timeline.
        await page.ReloadAsync();
        await Expect(row.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("Completed");
        await Expect(row.GetByRole(AriaRole.Cell).Nth(3)).ToContainTextAsync("First contact ");
        await Expect(row.GetByRole(AriaRole.Cell).Nth(3)).ToContainTextAsync("Completed ");
        var timeline = page.Locator("ol.nolb-timeline > li[data-kind=referrals]");
        await Expect(timeline).ToHaveCountAsync(1);
        await Expect(timeline).ToContainTextAsync($"Referral to {service.Name}");
        await Expect(timeline).ToContainTextAsync("Completed");
        await Expect(timeline).ToContainTextAsync("Finished the six-week course");
        await worker.AssertAccessibleAsync("the record, after the referral");
    }

    /// <summary>Without consent to share with the organisation, the form says no personal details will be sent, and none are.</summary>
    [Fact]
    public async Task Without_consent_to_share_the_referral_says_why_and_sends_no_personal_details()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var organisation = await browser.Server.CreateOrganisationAsync($"No Consent Trust {suffix}");
        await browser.Server.CreateUserAsync(Role.PartnerWorker, $"Partner {suffix}", organisation.Id);
        var keyWorker = await browser.Server.CreateUserAsync(Role.KeyWorker, $"Careful Worker {suffix}");
        var person = await browser.Server.CreateParticipantAsync("Iona", $"Private{suffix}", new DateOnly(1987, 3, 2), keyWorker.Id);
        var service = await browser.Server.CreateDirectoryServiceAsync(organisation.Id, $"Money advice {suffix}");

        await using var session = await browser.OpenAsync(keyWorker);
        var page = session.Page;
        await page.GotoAsync($"/Participants/{person.Id}/Refer?ServiceId={service.Id}");
        var why = page.Locator("#Input_Share");
        await Expect(why).ToContainTextAsync("No personal details will be sent.");
        await Expect(why).ToContainTextAsync($"{person.DisplayName} has not agreed to share their details with {organisation.Name}");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "What to share" })).ToHaveCountAsync(0);
        await session.AssertAccessibleAsync("refer, without consent");

        await page.GetByLabel("Why you are referring the person and what they need").FillAsync("Has rent arrears and wants advice.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the referral" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The referral is sent.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(person.DisplayName);
        await Expect(page.Locator("dl.ds_summary-list")).ToContainTextAsync("No personal details were shared: the person has not agreed to share their details with this organisation.");
    }

    /// <summary>A referral into the LEP from a partner waits on the team leader's triage list until it is given to a key worker.</summary>
    [Fact]
    public async Task Team_leader_allocates_an_inbound_referral_to_a_key_worker()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var jobcentre = await browser.Server.CreateOrganisationAsync($"Jobcentre {suffix}");
        var sender = await browser.Server.CreateUserAsync(Role.PartnerWorker, $"Jobcentre Adviser {suffix}", jobcentre.Id);
        var keyWorker = await browser.Server.CreateUserAsync(Role.KeyWorker, $"Allocated Worker {suffix}");
        var teamLeader = await browser.Server.CreateUserAsync(Role.TeamLeader, $"Triage Leader {suffix}");
        var name = $"Callum Inbound{suffix}";
        await browser.Server.CreateInboundReferralAsync(jobcentre.Id, sender.Id, name);

        await using var session = await browser.OpenAsync(teamLeader);
        var page = session.Page;
        await page.GotoAsync("/Referrals/Triage");
        var card = page.Locator(".ds_card").Filter(new() { HasText = name });
        await Expect(card).ToContainTextAsync($"From {jobcentre.Name}");
        await session.AssertAccessibleAsync("triage");
        await card.GetByLabel("Key worker").SelectOptionAsync(new SelectOptionValue { Label = keyWorker.DisplayName });
        await card.GetByRole(AriaRole.Button, new() { Name = $"Allocate {name}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The referral is allocated.");
        await Expect(page.Locator(".ds_card").Filter(new() { HasText = name })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = name })).ToContainTextAsync($"to {keyWorker.DisplayName}");
    }
}
