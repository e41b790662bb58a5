using System.Text;
using Microsoft.Playwright;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Nolb.BrowserTests;

/// <summary>An administrator loads the full SOC 2020 list from a file, and an employer engagement officer finds a unit group that only the loaded list holds.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class OccupationListJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_loaded_soc_2020_list_is_what_people_search()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var administrator = await browser.Server.CreateUserAsync(Role.Administrator, $"Reference Admin {suffix}");
        var officer = await browser.Server.CreateUserAsync(Role.EmployerEngagementOfficer, $"Occupation Officer {suffix}");
        // The starter list plus one more unit group, so the other journeys sharing this server still find theirs.
        var csv = new StringBuilder("code,title\n");
        foreach (var (code, title) in Occupations.UnitGroups)
        {
            csv.Append(code).Append(",\"").Append(title).Append("\"\n");
        }

        csv.Append("2135,Cyber security professionals\n");
        var file = Path.Combine(Path.GetTempPath(), $"soc2020-{suffix}.csv");
        await File.WriteAllTextAsync(file, csv.ToString());

        await using (var session = await browser.OpenAsync(administrator))
        {
            var page = session.Page;
            await page.GotoAsync("/Admin/Occupations");
            await page.GetByRole(AriaRole.Button, new() { Name = "Load the list" }).ClickAsync();
            await Expect(page.Locator(".ds_error-summary")).ToContainTextAsync("Choose the ONS workbook (.xlsx) or a CSV file");

            await page.GetByLabel("Where the list comes from").FillAsync($"Test list {suffix}");
            await page.Locator("#Upload").SetInputFilesAsync(file);
            await page.GetByRole(AriaRole.Button, new() { Name = "Load the list" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"The SOC 2020 list is loaded: {Occupations.UnitGroups.Count + 1} unit groups.");
            await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync($"Test list {suffix}");
            await session.AssertAccessibleAsync("the loaded SOC 2020 list");
        }

        await using (var session = await browser.OpenAsync(officer))
        {
            var page = session.Page;
            await page.GotoAsync("/Vacancies/Occupations");
            await page.GetByLabel("Search by job title or code").FillAsync("cyber");
            await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "SOC 2020 unit groups matching “cyber”" })).ToContainTextAsync("2135");
            await Expect(page.GetByText($"from Test list {suffix}")).ToBeVisibleAsync();
        }

        File.Delete(file);
    }
}
