using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;
using Nolb.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Nolb.BrowserTests;

/// <summary>
/// Issue 9 in a browser: an administrator loads population figures and an LEP manager sees the equality gaps;
/// a national analyst publishes a quarter and downloads its workbook.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class StatisticsJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Population_figures_are_loaded_and_the_gap_page_compares_starts_with_them()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var admin = await browser.Server.CreateUserAsync(Role.Administrator, $"Reference Admin {suffix}");
        var manager = await browser.Server.CreateUserAsync(Role.LepManager, $"Gap Manager {suffix}");
        var source = $"National Records of Scotland, mid-2024 estimates {suffix}";

        await using (var session = await browser.OpenAsync(admin))
        {
            var page = session.Page;
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Link, new() { Name = "Population figures" }).First.ClickAsync();
            await page.GetByLabel("Source of the figures").FillAsync(source);
            await page.GetByLabel("Date the figures describe").FillAsync("2024-06-30");
            await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
            {
                Name = "population.csv",
                MimeType = "text/csv",
                Buffer = Encoding.UTF8.GetBytes("area_code,dimension,group,population\nS12000049,sex,Female,205000\nS12000049,sex,Male,198000\nS12000049,disability,Yes,90000\nS12000049,disability,No,313000\n"),
            });
            await page.GetByRole(AriaRole.Button, new() { Name = "Load the figures" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Loaded 4 rows from population.csv");
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(source);
            await session.AssertAccessibleAsync("population figures loaded");
        }

        await using (var session = await browser.OpenAsync(manager))
        {
            var page = session.Page;
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Link, new() { Name = "Equality gaps" }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Equality and gap analysis");
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync($"Population: {source}");
            var sex = page.GetByRole(AriaRole.Table, new() { Name = "Sex: share of starts against population, and job-entry rate against the average" });
            await Expect(sex.GetByRole(AriaRole.Columnheader, new() { Name = "Share of population" })).ToBeVisibleAsync();
            await Expect(sex.GetByRole(AriaRole.Row, new() { Name = "Female" })).ToContainTextAsync("50.9%");
            await session.AssertAccessibleAsync("the equality gaps with population figures");
        }
    }

    [Fact]
    public async Task One_national_analyst_prepares_a_quarter_another_approves_it_and_downloads_its_workbook()
    {
        var preparer = await browser.Server.CreateUserAsync(Role.NationalAnalyst, $"Preparing Analyst {Guid.NewGuid().ToString("N")[..6]}");
        var analyst = await browser.Server.CreateUserAsync(Role.NationalAnalyst, $"Publishing Analyst {Guid.NewGuid().ToString("N")[..6]}");
        // The page offers the last twelve quarters; two years back is settled (not provisional).
        var quarter = Nolb.Web.Domain.Measurement.ReportingPeriod.QuarterContaining(DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-24));
        string draftUrl;
        await using (var first = await browser.OpenAsync(preparer))
        {
            var draft = first.Page;
            await draft.GotoAsync("/");
            await draft.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "National statistics" }).ClickAsync();
            await draft.GetByLabel("Quarter").SelectOptionAsync(quarter.Label);
            await draft.GetByRole(AriaRole.Button, new() { Name = "Prepare a draft to check" }).ClickAsync();
            await Expect(draft.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"Draft of {quarter.Label}");
            // The one who prepared it cannot approve it.
            await Expect(draft.GetByRole(AriaRole.Main)).ToContainTextAsync("another national analyst must approve it");
            await Expect(draft.GetByRole(AriaRole.Button, new() { Name = $"Approve and publish {quarter.Label}" })).ToHaveCountAsync(0);
            await first.AssertAccessibleAsync("a draft of a quarter");
            draftUrl = new Uri(draft.Url).PathAndQuery;
        }

        await using var session = await browser.OpenAsync(analyst);
        var page = session.Page;
        await page.GotoAsync(draftUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Approve and publish {quarter.Label}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(quarter.Label);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"National statistics, {quarter.Describe()}");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = $"Every publication of {quarter.Label}, newest first" })).ToContainTextAsync(analyst.DisplayName!);
        await session.AssertAccessibleAsync("a published quarter");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download the workbook (.xlsx)" }).ClickAsync());
        Assert.Equal($"nolb-national-tables-{quarter.Label}.xlsx", download.SuggestedFilename);
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        copy.Position = 0;
        using var workbook = SpreadsheetDocument.Open(copy, false);
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal("Cover", sheets[0]);
        Assert.Contains("Table 1", sheets);
    }
}
