using System.Globalization;
using Microsoft.Playwright;
using Nolb.Web.Domain.Commissioning;
using Nolb.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Nolb.BrowserTests;

/// <summary>
/// An LEP manager links a contract to the Annex 2 row it delivers and sees the link on the contract and on the row, then records
/// a decision to cease the contract and sees it ended.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ContractAnnex2JourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Lep_manager_links_a_contract_to_an_annex_2_row_and_ceases_it()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var manager = await browser.Server.CreateUserAsync(Role.LepManager, $"Annex Manager {suffix}");
        var partner = await browser.Server.CreateOrganisationAsync($"Annex Partner {suffix}");
        var year = new FinancialYear(FinancialYear.Of(DateOnly.FromDateTime(DateTime.UtcNow)).StartYear - 1);
        await using var session = await browser.OpenAsync(manager);
        var page = session.Page;

        await page.GotoAsync("/DeliveryPlans/Create");
        var planTitle = $"Annex plan {suffix}";
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(planTitle);
        await page.GetByLabel("Delivery plan", new() { Exact = true }).ChooseAsync();
        await page.GetByLabel("Starts on").FillAsync("2025-04-01");
        await page.GetByLabel("Ends on").FillAsync("2028-03-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the plan", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a row to Annex 2" }).ClickAsync();
        await page.GetByLabel("Target group", new() { Exact = true }).FillAsync($"Lone parents {suffix}");
        await page.GetByLabel("Rationale for intervention").FillAsync("Child poverty is highest in lone-parent households");
        await page.GetByLabel("Budget in pounds").FillAsync("50000");
        await page.GetByLabel("Parental Employability Support").ChooseAsync();
        await page.GetByLabel("Volumes (number of people)").FillAsync("40");
        await page.GetByLabel("Delivery method").FillAsync("Grant to a third sector partner");
        await page.GetByLabel("Outcome expected").FillAsync("20 parents into fair work");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the row" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"The Annex 2 row for Lone parents {suffix} is saved.");

        await page.GotoAsync("/Commissioning/Create");
        var title = $"Lone parents into work {suffix}";
        await page.GetByLabel("Name of the contract or grant").FillAsync(title);
        await page.Locator("label[for=Input_Kind-0]").ClickAsync();
        await page.GetByLabel("Delivery partner").SelectOptionAsync(new SelectOptionValue { Label = partner.Name });
        await page.GetByLabel("Funding stream").SelectOptionAsync(new SelectOptionValue { Label = "Parental Employability Support" });
        await page.GetByLabel("Target group").SelectOptionAsync("Parents");
        await page.GetByLabel("Start date").FillAsync(Iso(year.Start));
        await page.GetByLabel("End date").FillAsync(Iso(year.End));
        await page.GetByLabel("Budget in pounds").FillAsync("8000");
        await page.GetByLabel("Starts expected").FillAsync("8");
        await page.GetByLabel("Job outcomes expected").FillAsync("2");
        await page.GetByLabel("Annex 2 row it delivers (optional)").SelectOptionAsync(new SelectOptionValue { Label = $"Row 1: Lone parents {suffix}" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add it and set the profile" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Set the quarterly profile");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the contract" }).ClickAsync();
        var main = page.GetByRole(AriaRole.Main);
        await Expect(main).ToContainTextAsync($"Row 1: Lone parents {suffix} in {planTitle}");
        await session.AssertAccessibleAsync("contract linked to an Annex 2 row");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Row 1: Lone parents {suffix}" }).ClickAsync();
        var delivering = page.GetByRole(AriaRole.Table, new() { Name = "Starts and job outcomes expected over each contract's period, against the actuals from case data so far" });
        await Expect(delivering).ToContainTextAsync(title);
        await session.AssertAccessibleAsync("Annex 2 row with the contracts that deliver it");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the plan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Service delivery requirements" })).ToContainTextAsync($"{title} (Ended)");
        await session.AssertAccessibleAsync("plan with the contracts delivering Annex 2");

        await page.GotoAsync("/Commissioning");
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a decision about it" }).ClickAsync();
        await page.GetByLabel("Cease provision").ChooseAsync();
        var decidedOn = year.Start.AddMonths(5);
        await page.GetByLabel("Date of the decision").FillAsync(Iso(decidedOn));
        await page.GetByLabel("Decided by").FillAsync("LEP board");
        await page.GetByLabel("Why").FillAsync("Too few referrals to keep the service open");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The decision is recorded in the decision log.");
        var ceased = $"Ceased on {decidedOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} by a decision of the partnership";
        await Expect(main).ToContainTextAsync(ceased);
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Profile and actual in each quarter of the contract" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await session.AssertAccessibleAsync("ceased contract");
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
