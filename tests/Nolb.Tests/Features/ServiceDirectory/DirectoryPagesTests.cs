using System.Net;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.Referrals;
using Nolb.Web.Domain.ServiceDirectory;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.ServiceDirectory;

/// <summary>The directory and referral pages, driven as a browser would, without JavaScript.</summary>
public sealed class DirectoryPagesTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    [Fact]
    public async Task Without_consent_the_refer_page_says_no_details_will_be_sent_and_the_partner_sees_none()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var org = await app.OrganisationAsync();
        var service = await app.ServiceAsync(org);
        var partner = await app.CreateUserAsync(Role.PartnerWorker, organisationId: org.Id);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        using var client = await app.PageClientAsync(keyWorker.Email!);
        var url = $"/Participants/{person.Id}/Refer?serviceId={service.Id}";

        var page = await client.PageTextAsync(url);
        var forged = await (await client.SubmitFormAsync(url, new() { ["Input.Reason"] = "Needs a placement", ["Input.Share"] = "Name" })).TextAsync();
        var sent = await client.SubmitFormAsync(url, new() { ["Input.Reason"] = "Needs a placement" });

        Assert.Contains("<strong>No personal details will be sent.</strong>", page, StringComparison.Ordinal);
        Assert.Contains($"{person.DisplayName} has not agreed to share their details with {org.Name}", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Share\"", page, StringComparison.Ordinal);
        Assert.Contains("has not agreed to share their details", forged, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var referral = await app.WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.ParticipantId == person.Id));
        Assert.True(referral.Shared.IsEmpty);
        using var partnerClient = await app.PageClientAsync(partner.Email!);
        var seen = await partnerClient.PageTextAsync($"/Referrals/{referral.Id}");
        Assert.Contains("the person has not agreed to share their details with this organisation", seen, StringComparison.Ordinal);
        Assert.DoesNotContain(person.FamilyName, seen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_accepts_records_first_contact_and_completes_and_the_record_shows_status_and_timings()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var org = await app.OrganisationAsync();
        var service = await app.ServiceAsync(org, name: CaseData.UniqueName("Confidence"));
        var partner = await app.CreateUserAsync(Role.PartnerWorker, organisationId: org.Id);
        var otherPartner = await app.CreateUserAsync(Role.PartnerWorker, organisationId: (await app.OrganisationAsync()).Id);
        var person = await app.PersonAsync(keyWorker: keyWorker, with: p => p.AddConsent(ConsentKind.ShareWithPartner, keyWorker.Id, org.Id));
        using var client = await app.PageClientAsync(keyWorker.Email!);
        var url = $"/Participants/{person.Id}/Refer?serviceId={service.Id}";
        var sent = await client.SubmitFormAsync(url, new() { ["Input.Reason"] = "Confidence group", ["Input.Share"] = "Name" });
        var id = sent.Headers.Location!.OriginalString.Split('/').Last();
        using var partnerClient = await app.PageClientAsync(partner.Email!);
        using var outsider = await app.PageClientAsync(otherPartner.Email!);
        var details = $"/Referrals/{id}";

        Assert.Contains($"{person.GivenName} {person.FamilyName}", await partnerClient.PageTextAsync("/Referrals/Inbox"), StringComparison.Ordinal);
        Assert.DoesNotContain(person.FamilyName, await outsider.PageTextAsync("/Referrals/Inbox"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(details)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await partnerClient.SubmitFormAsync(details, new(), details + "?handler=Accept")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await partnerClient.SubmitFormAsync(details, new() { ["Input.Date"] = CaseData.Today.Iso() }, details + "?handler=FirstContact")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await partnerClient.SubmitFormAsync(details, new() { ["Input.Outcome"] = "Went to all six sessions" }, details + "?handler=Complete")).StatusCode);

        var record = await client.PageTextAsync($"/Participants/{person.Id}");
        Assert.Contains(service.Name, record, StringComparison.Ordinal);
        Assert.Contains("Completed", record, StringComparison.Ordinal);
        Assert.Contains("First contact " + CaseData.Today.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declining_without_a_reason_names_the_field_and_changes_nothing()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var org = await app.OrganisationAsync();
        var service = await app.ServiceAsync(org);
        var partner = await app.CreateUserAsync(Role.PartnerWorker, organisationId: org.Id);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        using var client = await app.PageClientAsync(keyWorker.Email!);
        var sent = await client.SubmitFormAsync($"/Participants/{person.Id}/Refer?serviceId={service.Id}", new() { ["Input.Reason"] = "Housing advice" });
        var details = sent.Headers.Location!.OriginalString;
        using var partnerClient = await app.PageClientAsync(partner.Email!);

        var page = await (await partnerClient.SubmitFormAsync(details, new() { ["Input.Note"] = "" }, details + "?handler=Decline")).TextAsync();

        Assert.Contains("<a href=\"#Input_Reason\">Choose why you are declining the referral</a>", page, StringComparison.Ordinal);
        Assert.Equal(ReferralStatus.Sent, await app.WithDbAsync(db => db.Referrals.Where(r => r.ParticipantId == person.Id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_referral_to_a_service_outside_nolb_gives_a_printable_summary_of_only_what_was_shared()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var nhs = await app.OrganisationAsync(name: CaseData.UniqueName("NHS"));
        var service = await app.ServiceAsync(nhs, with: s => s.Kind = ServiceKind.Health);
        var person = await app.PersonAsync(keyWorker: keyWorker, with: p =>
        {
            p.Email = "morag@example.org";
            p.AddConsent(ConsentKind.ShareWithPartner, keyWorker.Id, nhs.Id);
        });
        using var client = await app.PageClientAsync(keyWorker.Email!);
        var sent = await client.SubmitFormAsync($"/Participants/{person.Id}/Refer?serviceId={service.Id}", new() { ["Input.Reason"] = "Mental health support", ["Input.Share"] = "Name" });
        var details = sent.Headers.Location!.OriginalString;

        var summary = await client.PageTextAsync(details + "/Summary");

        Assert.Contains("does not use Nolb", await client.PageTextAsync(details), StringComparison.Ordinal);
        Assert.Contains($"Name: {person.GivenName} {person.FamilyName}", summary, StringComparison.Ordinal);
        Assert.Contains("Mental health support", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("morag@example.org", summary, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Phone!, summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_directory_finds_services_another_leps_service_answers_404_and_the_supply_map_marks_gaps()
    {
        var worker = await app.StaffAsync(Role.KeyWorker);
        var glasgowService = await app.ServiceAsync(await app.OrganisationAsync(), name: CaseData.UniqueName("Glasgowplace"));
        var fifeService = await app.ServiceAsync(await app.OrganisationAsync(NolbAppFactory.Fife), NolbAppFactory.Fife, CaseData.UniqueName("Fifeplace"));
        using var client = await app.PageClientAsync(worker.Email!);

        var found = await client.PageTextAsync($"/Directory?Keyword={glasgowService.Name}&Stage=3&TargetGroup=YoungPeople");
        var hidden = await client.PageTextAsync($"/Directory?Keyword={fifeService.Name}");
        var map = await client.PageTextAsync("/Directory/SupplyMap");

        Assert.Contains(glasgowService.Name, found, StringComparison.Ordinal);
        Assert.Contains("No services match", hidden, StringComparison.Ordinal);
        Assert.DoesNotContain($">{fifeService.Name}</a>", hidden, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Directory/Services/{fifeService.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Directory/Services/{glasgowService.Id}")).StatusCode);
        Assert.Contains("<caption>Services and places a quarter by pipeline stage (rows) and target group (columns)</caption>", map, StringComparison.Ordinal);
        Assert.Contains("Gap", map, StringComparison.Ordinal);
        Assert.Contains("places", map, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_adds_a_service_through_the_page_and_a_stale_edit_is_refused()
    {
        var manager = await app.StaffAsync(Role.LepManager);
        var org = await app.OrganisationAsync();
        using var client = await app.PageClientAsync(manager.Email!);
        var name = CaseData.UniqueName("Pageservice");

        var invalid = await (await client.SubmitFormAsync("/Directory/Services/Create", new() { ["Input.Name"] = name, ["Input.MinimumAge"] = "40", ["Input.MaximumAge"] = "20" })).TextAsync();
        var created = await client.SubmitFormAsync("/Directory/Services/Create", new()
        {
            ["Input.Name"] = name,
            ["Input.OrganisationId"] = org.Id.ToString(),
            ["Input.Kind"] = "MoneyAdvice",
            ["Input.Active"] = "true",
            ["Input.Stages"] = "2",
            ["Input.TargetGroups"] = "Parents",
            ["Input.InterventionTypes"] = "money-debt",
            ["Input.LocationName"] = "Library",
            ["Input.Days"] = "TU",
            ["Input.OpensAt"] = "10:00",
            ["Input.ClosesAt"] = "12:00",
        });

        Assert.Contains("<a href=\"#Input_Kind\">", invalid, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_MaximumAge\">The maximum age must be the same as or more than the minimum age</a>", invalid, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var service = await app.WithDbAsync(db => db.DirectoryServices.Include(s => s.Schedules).AsNoTracking().SingleAsync(s => s.Name == name));
        Assert.Equal("TU", Assert.Single(service.Schedules).ByDay);
        var page = await client.PageTextAsync($"/Directory/Services/{service.Id}");
        Assert.Contains("Tuesday, 10:00 to 12:00", page, StringComparison.Ordinal);

        var edit = $"/Directory/Services/{service.Id}/Edit";
        var stale = await (await client.SubmitFormAsync(edit, new()
        {
            ["Input.Name"] = name + "x",
            ["Input.OrganisationId"] = org.Id.ToString(),
            ["Input.Kind"] = "MoneyAdvice",
            ["Input.Version"] = Guid.NewGuid().ToString(),
        })).TextAsync();
        Assert.Contains("Someone else changed this service while you were editing it", stale, StringComparison.Ordinal);
    }
}
