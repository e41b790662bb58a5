using System.Globalization;
using Microsoft.Playwright;
using Nolb.Web.Domain.Commissioning;
using Nolb.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Nolb.BrowserTests;

/// <summary>Commissioning in a browser: an LEP manager adds a contract, sets its quarterly profile and records a quarter's spend.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CommissioningJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Lep_manager_adds_a_contract_sets_its_profile_and_records_spend()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var manager = await browser.Server.CreateUserAsync(Role.LepManager, $"Commissioning Manager {suffix}");
        var partner = await browser.Server.CreateOrganisationAsync($"Journey Partner {suffix}");
        var year = new FinancialYear(FinancialYear.Of(DateOnly.FromDateTime(DateTime.UtcNow)).StartYear - 1);
        await using var session = await browser.OpenAsync(manager);
        var page = session.Page;

        await page.GotoAsync("/Commissioning");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a contract or grant" }).ClickAsync();
        await page.GetByLabel("Name of the contract or grant").FillAsync($"Parents into work {suffix}");
        await page.Locator("label[for=Input_Kind-0]").ClickAsync();
        await Expect(page.GetByLabel("Grant", new() { Exact = true })).ToBeCheckedAsync();
        await page.GetByLabel("Delivery partner").SelectOptionAsync(new SelectOptionValue { Label = partner.Name });
        await page.GetByLabel("Funding stream").SelectOptionAsync(new SelectOptionValue { Label = "Parental Employability Support" });
        await page.GetByLabel("Target group").SelectOptionAsync("Parents");
        await page.GetByLabel("Start date").FillAsync(Iso(year.Start));
        await page.GetByLabel("End date").FillAsync(Iso(year.End));
        await page.GetByLabel("Budget in pounds").FillAsync("8000");
        await page.GetByLabel("Starts expected").FillAsync("8");
        await page.GetByLabel("Job outcomes expected").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add it and set the profile" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Set the quarterly profile");
        await session.AssertAccessibleAsync("quarterly profile");
        foreach (var q in year.Quarters)
        {
            await page.GetByLabel($"Starts in {q.Label}").FillAsync(q.Number == 4 ? "3" : "2");
            await page.GetByLabel($"Job outcomes in {q.Label}").FillAsync(q.Number >= 3 ? "1" : "0");
            await page.GetByLabel($"Spend in {q.Label}, in pounds").FillAsync("2000");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save the profile" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" })).ToContainTextAsync("add up to 9, but the contract expects 8");
        await session.AssertAccessibleAsync("quarterly profile, with errors");
        await page.GetByLabel($"Starts in {year.Quarters[3].Label}").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the profile" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Parents into work {suffix}");
        var quarters = page.GetByRole(AriaRole.Table, new() { Name = "Profile and actual in each quarter of the contract" });
        await Expect(quarters.GetByRole(AriaRole.Row)).ToHaveCountAsync(5);
        await page.GetByLabel("Quarter", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{year.Quarters[1].Label} ({year.Quarters[1].Months})" });
        await page.GetByLabel("Amount spent in the quarter, in pounds").FillAsync("9000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the spend" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" })).ToContainTextAsync("more than the budget of £8,000.00");
        await session.AssertAccessibleAsync("contract, spend with errors");

        await page.GetByLabel("Amount spent in the quarter, in pounds").FillAsync("1750.50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the spend" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Spend for {year.Quarters[1].Label} is recorded.");
        await Expect(quarters.GetByRole(AriaRole.Row).Filter(new() { HasText = year.Quarters[1].Label })).ToContainTextAsync("£1,750.50");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("£1,750.50 of a budget of £8,000.00");
        await session.AssertAccessibleAsync("contract with spend");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to commissioning" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Contracts and grants: starts and job outcomes against profile for the quarters that have ended, and spend against budget" }))
            .ToContainTextAsync($"Parents into work {suffix}");
        await session.AssertAccessibleAsync("commissioning, with a contract");
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
