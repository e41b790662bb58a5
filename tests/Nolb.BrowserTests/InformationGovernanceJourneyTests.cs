using Microsoft.Playwright;
using Nolb.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Nolb.BrowserTests;

/// <summary>Issue 11 in a browser: an information governance officer reviews the trail and data rights, and nothing else.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class InformationGovernanceJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_information_governance_officer_sees_only_the_audit_trail_and_data_rights_and_cannot_open_a_case_record()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var keyWorker = await browser.Server.CreateUserAsync(Role.KeyWorker, $"Governed Worker {suffix}");
        var person = await browser.Server.CreateParticipantAsync("Iona", $"Governed{suffix}", new DateOnly(1988, 6, 1), keyWorker.Id);
        var officer = await browser.Server.CreateUserAsync(Role.InformationGovernance, $"Governance Officer {suffix}");
        await using var session = await browser.OpenAsync(officer);
        var page = session.Page;

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Hello, Governance Officer {suffix}");
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link);
        await Expect(navigation).ToHaveTextAsync(["Home", "Audit trail", "Data rights"]);
        await session.AssertAccessibleAsync("information governance home page");

        await navigation.GetByText("Audit trail").ClickAsync();
        await page.GetByLabel("Person (reference or id)").FillAsync(person.Reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Audit entries" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "See unusual access" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Unusual access");

        await page.GotoAsync("/DataRights/Retention");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dry run: list what is due" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();

        await page.GotoAsync($"/Participants/{person.Id}");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/AccessDenied"));
    }
}
