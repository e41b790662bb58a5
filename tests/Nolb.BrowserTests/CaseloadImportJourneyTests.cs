using Microsoft.Playwright;
using Nolb.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Nolb.BrowserTests;

/// <summary>An LEP manager takes a file from their old system through the import wizard, with axe on every step, the dry-run report included.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CaseloadImportJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_manager_uploads_matches_columns_and_values_reads_the_dry_run_and_imports()
    {
        var suffix = string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + (c % 26))));
        var manager = await browser.Server.CreateUserAsync(Role.LepManager, $"Import Manager {suffix}");
        var file = Path.Combine(Path.GetTempPath(), $"old-system-{suffix}.csv");
        await File.WriteAllTextAsync(file,
            "Client ID,Forename,Surname,DOB,Contact,Status\n" +
            $"{suffix}-1,Morag,Browser{suffix},31/03/1990,In person,Unemployed <6m\n" +
            $"{suffix}-2,Callum,Browser{suffix},31/02/1990,In person,Unemployed <6m\n");

        await using var session = await browser.OpenAsync(manager);
        var page = session.Page;
        await page.GotoAsync("/CaseloadImport");
        await session.AssertAccessibleAsync("caseload import, upload");
        await page.GetByLabel("People", new() { Exact = true }).ChooseAsync();
        await page.Locator("#Upload").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and match columns" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Match the columns" })).ToBeVisibleAsync();
        await session.AssertAccessibleAsync("caseload import, columns");
        await page.GetByLabel("PersonRef").SelectOptionAsync("Client ID");
        await page.GetByLabel("GivenName").SelectOptionAsync("Forename");
        await page.GetByLabel("FamilyName").SelectOptionAsync("Surname");
        await page.GetByLabel("DateOfBirth").SelectOptionAsync("DOB");
        await page.GetByLabel("PreferredContact").SelectOptionAsync("Contact");
        await page.GetByLabel("EmploymentStatus").SelectOptionAsync("Status");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and match values" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Match your values to Nolb's" })).ToBeVisibleAsync();
        await session.AssertAccessibleAsync("caseload import, values");
        await page.GetByLabel("EmploymentStatus: \"Unemployed <6m\"").SelectOptionAsync("UnemployedUnder12Months");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and run the dry run" }).ClickAsync();

        // The page reloads itself until the dry run is done.
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("\"31/02/1990\" is not a date", new() { Timeout = 30_000 });
        await Expect(page.Locator("#created")).ToHaveTextAsync("1");
        await Expect(page.Locator("#refused")).ToHaveTextAsync("1");
        await session.AssertAccessibleAsync("caseload import, dry run report");

        await page.GetByRole(AriaRole.Button, new() { Name = "Import 1 records" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Caseload imported" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Nolb reference NLB-");
        await session.AssertAccessibleAsync("caseload import, imported");
        File.Delete(file);
    }
}
