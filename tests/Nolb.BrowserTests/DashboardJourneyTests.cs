using Microsoft.Playwright;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Nolb.BrowserTests;

/// <summary>
/// The three dashboards in a real browser: reached from the navigation, filtered with the plain GET form (without
/// JavaScript too), each chart drawn from the table beneath it, and axe-clean once drawn.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DashboardJourneyTests(BrowserFixture browser)
{
    /// <summary>The quarter of a start made 60 days ago, as <see cref="NolbServer.CreateParticipantAsync"/> makes them.</summary>
    private static ReportingPeriod StartQuarter => ReportingPeriod.QuarterContaining(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-60));

    [Fact]
    public async Task A_team_leader_filters_the_lep_dashboard_without_JavaScript()
    {
        var worker = await browser.Server.CreateUserAsync(Role.KeyWorker);
        await browser.Server.CreateParticipantAsync("Dashboard", $"Nojs{Guid.NewGuid():N}"[..14], new DateOnly(1988, 3, 14), worker.Id);
        var leader = await browser.Server.CreateUserAsync(Role.TeamLeader);
        await using var session = await browser.OpenAsync(leader, javaScript: false);
        var page = session.Page;

        await page.GotoAsync("/");
        await Expect(page.Locator("nav a[href='/Measurement/Lep']")).ToHaveTextAsync("LEP dashboard");
        await page.GotoAsync("/Measurement/Lep");
        await page.GetByLabel("Period").SelectOptionAsync(StartQuarter.Label);
        await page.GetByLabel("Funding stream").SelectOptionAsync(new SelectOptionValue { Label = "No One Left Behind" });
        await page.GetByLabel("Second breakdown").SelectOptionAsync(new SelectOptionValue { Label = "Child poverty priority family type" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show figures" }).ClickAsync();

        Assert.Contains($"Period={StartQuarter.Label}", page.Url, StringComparison.Ordinal);
        Assert.Contains("Funding=NoOneLeftBehind", page.Url, StringComparison.Ordinal);
        var starts = page.Locator("#figures-reach-count tr[data-indicator='starts']");
        await Expect(starts.Locator("th")).ToHaveTextAsync("Starts");
        await Expect(starts.Locator("td").First).Not.ToHaveTextAsync("0");
        // No JavaScript, no chart: its place stays hidden and the table carries the figures.
        await Expect(page.Locator("figure[data-chart-for='figures-reach-count']")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Starts by sex and child poverty priority family type" })).ToBeVisibleAsync();
        await Expect(page.Locator("#intersection-table")).ToBeVisibleAsync();

        await page.GetByLabel("Period").SelectOptionAsync(new SelectOptionValue { Index = 8 });
        await page.GetByLabel("First breakdown").SelectOptionAsync(new SelectOptionValue { Label = "Child poverty priority family type" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show figures" }).ClickAsync();
        await Expect(page.Locator(".ds_error-summary")).ToContainTextAsync("Choose a second breakdown from the list that is different from the first");
        session.Watch.AssertNoProblems("the LEP dashboard without JavaScript");
    }

    [Fact]
    public async Task A_key_worker_sees_their_caseload_as_charts_with_the_tables_beneath()
    {
        var worker = await browser.Server.CreateUserAsync(Role.KeyWorker);
        await browser.Server.CreateParticipantAsync("Dashboard", $"Chart{Guid.NewGuid():N}"[..14], new DateOnly(1992, 6, 1), worker.Id);
        await using var session = await browser.OpenAsync(worker);
        var page = session.Page;

        await page.GotoAsync("/");
        await Expect(page.Locator("nav a[href='/Measurement/Dashboard']")).ToHaveTextAsync("Caseload figures");
        await page.GotoAsync("/Measurement/Dashboard");
        await page.GetByLabel("Period").SelectOptionAsync(StartQuarter.Label);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show figures" }).ClickAsync();

        await AccessibilityTests.DashboardChartsDrawn(page);
        var chart = page.Locator("figure[data-chart-for='figures-reach-count']");
        await Expect(chart).ToBeVisibleAsync();
        // The table the chart was drawn from follows it, with the caseload's one start.
        await Expect(page.Locator("figure[data-chart-for='figures-reach-count'] + .nolb-table-wrapper #figures-reach-count")).ToBeVisibleAsync();
        await Expect(page.Locator("#figures-reach-count tr[data-indicator='starts'] td").First).ToHaveTextAsync("1");
        await Expect(page.Locator("#figures-experience-rate")).ToContainTextAsync("Not shown for a caseload");
        await session.AssertAccessibleAsync("caseload figures with charts");
    }

    [Fact]
    public async Task A_national_analyst_sees_every_lep_side_by_side()
    {
        var worker = await browser.Server.CreateUserAsync(Role.KeyWorker);
        await browser.Server.CreateParticipantAsync("Dashboard", $"Natl{Guid.NewGuid():N}"[..14], new DateOnly(1975, 1, 9), worker.Id);
        var analyst = await browser.Server.CreateUserAsync(Role.NationalAnalyst);
        await using var session = await browser.OpenAsync(analyst);
        var page = session.Page;

        await page.GotoAsync("/");
        await Expect(page.Locator("nav a[href='/Measurement/National']")).ToHaveTextAsync("National dashboard");
        await page.GotoAsync("/Measurement/National");
        await page.GetByLabel("Period").SelectOptionAsync(StartQuarter.Label);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show figures" }).ClickAsync();

        await AccessibilityTests.DashboardChartsDrawn(page);
        var reach = page.Locator("#national-reach");
        await Expect(reach.Locator("tbody tr")).ToHaveCountAsync(33);
        await Expect(reach.Locator("tbody tr").Last.Locator("th")).ToHaveTextAsync("Scotland");
        await Expect(reach.GetByRole(AriaRole.Rowheader, new() { Name = "Glasgow City" })).ToBeVisibleAsync();
        var cells = await page.Locator("main td").AllInnerTextsAsync();
        Assert.DoesNotContain(cells, text => int.TryParse(text.Trim(), out var n) && n is >= 1 and <= 4);
        await session.AssertAccessibleAsync("national dashboard with charts");
    }
}
