using Microsoft.Playwright;
using Nolb.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Nolb.BrowserTests;

/// <summary>Issue 8 in a browser: an LEP manager writes a delivery plan and a second LEP manager approves it.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DeliveryPlanJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Plan_is_written_with_the_guidance_beside_it_submitted_and_approved_by_a_second_manager()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var writer = await browser.Server.CreateUserAsync(Role.LepManager, $"Plan Writer {suffix}");
        var approver = await browser.Server.CreateUserAsync(Role.LepManager, $"Plan Approver {suffix}");
        var title = $"Delivery plan {suffix}";

        string planUrl;
        await using (var session = await browser.OpenAsync(writer))
        {
            var page = session.Page;
            await page.GotoAsync("/DeliveryPlans");
            await page.GetByRole(AriaRole.Link, new() { Name = "Start a delivery plan" }).ClickAsync();
            await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
            await page.GetByLabel("Delivery plan", new() { Exact = true }).ChooseAsync();
            await page.GetByLabel("Starts on").FillAsync("2025-04-01");
            await page.GetByLabel("Ends on").FillAsync("2028-03-31");
            await page.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
            planUrl = new Uri(page.Url).PathAndQuery;

            await page.GetByRole(AriaRole.Link, new() { Name = "Change 3.1 Local Economic/Labour Market Profile" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Complementary)).ToContainTextAsync("a SWOT analysis format may be helpful");
            await page.GetByLabel("3.1 Local Economic/Labour Market Profile").FillAsync("Unemployment has fallen since 2022.");
            await page.GetByLabel("Strengths").FillAsync("A strong college partnership");
            await session.AssertAccessibleAsync("a plan section with its guidance");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the section" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Unemployment has fallen since 2022.");
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "SWOT analysis" })).ToContainTextAsync("A strong college partnership");

            await page.GetByRole(AriaRole.Link, new() { Name = "Change 3.3 Evidence Led" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "People who started support in" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Back to the plan" }).ClickAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Submit for approval" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("submitted for approval");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Approve this plan" })).ToHaveCountAsync(0);
            await session.AssertAccessibleAsync("a submitted plan");
        }

        await using (var session = await browser.OpenAsync(approver))
        {
            var page = session.Page;
            await page.GotoAsync(planUrl);
            await page.GetByRole(AriaRole.Button, new() { Name = "Approve this plan" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Version 1 of the plan is approved");
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync($"Version 1, approved by Plan Approver {suffix}");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Change 3.1 Local Economic/Labour Market Profile" })).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Link, new() { Name = "Approved versions and what changed (1)" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Version 1" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Unemployment has fallen since 2022.");
            await session.AssertAccessibleAsync("an approved version");
        }
    }
}
