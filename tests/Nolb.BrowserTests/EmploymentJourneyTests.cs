using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Nolb.BrowserTests;

/// <summary>Issue 6 in a browser: employer → vacancy → matching → job outcome → sustainment; and a recruitment incentive.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class EmploymentJourneyTests(BrowserFixture browser)
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// An employer engagement officer adds an employer and a vacancy, finding its SOC 2020 code by title; the key
    /// worker sees their person ranked for it with the reasons, records the job (which moves the person to stage 5),
    /// and records the 13-week sustainment check from the due list when it is overdue.
    /// </summary>
    [Fact]
    public async Task Vacancy_is_matched_to_a_person_who_gets_the_job_and_whose_sustainment_check_is_recorded()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var officer = await browser.Server.CreateUserAsync(Role.EmployerEngagementOfficer, $"Employer Officer {suffix}");
        var keyWorker = await browser.Server.CreateUserAsync(Role.KeyWorker, $"Matching Worker {suffix}");
        var person = await browser.Server.CreateParticipantAsync("Kirsty", $"Matched{suffix}", new DateOnly(1985, 12, 1), keyWorker.Id);
        var engagementId = person.OpenEngagement!.Id;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await browser.Server.WithDbAsync(async db =>
        {
            // Supported for five months, so a job that started 100 days ago can be recorded on this engagement.
            var engagement = await db.Engagements.SingleAsync(e => e.Id == engagementId);
            engagement.StartDate = today.AddDays(-150);
            return await db.SaveChangesAsync();
        });
        await browser.Server.MoveToStageAsync(engagementId, PipelineStage.VocationalActivity, keyWorker.Id);
        await browser.Server.SetJobGoalsAsync(person.Id, "9263");
        var employerName = $"Clyde Kitchens {suffix}";
        string vacancyUrl;

        await using (var session = await browser.OpenAsync(officer))
        {
            var page = session.Page;
            await page.GotoAsync("/Employers/Create");
            await page.GetByLabel("Employer's name").FillAsync(employerName);
            await page.GetByLabel("Sector (SIC 2007 section)").SelectOptionAsync(new SelectOptionValue { Label = "I: Accommodation and food service activities" });
            await page.GetByLabel("Small (10 to 49)").ChooseAsync();
            await page.GetByLabel("Postcode (optional)").FillAsync("G1 2AA");
            await page.GetByLabel("Accredited Real Living Wage employer").ChooseAsync();
            await page.GetByLabel("Level 1: Disability Confident Committed").ChooseAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the employer" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{employerName} is added.");
            await session.AssertAccessibleAsync("the new employer");

            // The SOC 2020 code, found by the job's title.
            await page.GotoAsync("/Vacancies/Occupations");
            await page.GetByLabel("Search by job title or code").FillAsync("kitchen");
            await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
            var found = page.GetByRole(AriaRole.Table, new() { Name = "SOC 2020 unit groups matching “kitchen”" });
            await Expect(found.GetByRole(AriaRole.Row).Filter(new() { HasText = "Kitchen and catering assistants" }).GetByRole(AriaRole.Cell).First).ToHaveTextAsync("9263");
            await session.AssertAccessibleAsync("occupations, searched");

            await page.GotoAsync("/Vacancies/Create");
            await page.GetByLabel("Employer", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = employerName });
            await page.GetByLabel("Job title").FillAsync("Kitchen assistant");
            await page.GetByLabel("Occupation: SOC 2020 code").FillAsync("9263");
            await page.GetByLabel("Postcode where the job is").FillAsync("G1 2AA");
            await page.GetByLabel("Hours a week").FillAsync("25");
            await page.GetByLabel("Hourly pay in pounds").FillAsync("13.45");
            await page.GetByLabel("Permanent").ChooseAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the vacancy" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The vacancy is added.");
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("This job meets all three Fair Work markers.");
            await Expect(page.Locator("dl.ds_summary-list")).ToContainTextAsync("9263 Kitchen and catering assistants");
            await session.AssertAccessibleAsync("the new vacancy");
            vacancyUrl = page.Url;
        }

        await using (var session = await browser.OpenAsync(keyWorker))
        {
            var page = session.Page;
            await page.GotoAsync(vacancyUrl);
            var matches = page.GetByRole(AriaRole.Table, new() { Name = "Best matches first (top 20)" });
            var match = matches.GetByRole(AriaRole.Row).Filter(new() { HasText = person.DisplayName });
            await Expect(match.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("95");
            await Expect(match).ToContainTextAsync("9263 Kitchen and catering assistants is one of their job goals (+40)");
            var scores = (await matches.Locator("tbody tr td:nth-child(3)").AllInnerTextsAsync()).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(scores.OrderByDescending(s => s), scores);
            await session.AssertAccessibleAsync("the vacancy with its matches");

            // The job: recorded as an outcome, which moves the person to stage 5.
            await page.GotoAsync($"/Engagements/{engagementId}/Outcomes");
            await page.GetByRole(AriaRole.Link, new() { Name = "Record an outcome" }).ClickAsync();
            await page.GetByLabel("Started a job").ChooseAsync();
            await page.GetByLabel("Start date").FillAsync(Iso(today.AddDays(-100)));
            await page.GetByLabel("Employer", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = employerName });
            await page.GetByLabel("Job title").FillAsync("Kitchen assistant");
            await page.GetByLabel("Occupation: SOC 2020 code").FillAsync("9263");
            await page.GetByLabel("Hours a week").FillAsync("25");
            await page.GetByLabel("Hourly pay in pounds").FillAsync("13.45");
            await page.GetByLabel("Permanent").ChooseAsync();
            await session.AssertAccessibleAsync("record an outcome, filled in");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the outcome" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("the person is now at stage 5");
            var checks = page.GetByRole(AriaRole.Table, new() { Name = "Sustainment checks for this job" });
            var thirteen = checks.GetByRole(AriaRole.Row).Filter(new() { HasText = "13 weeks" });
            await Expect(thirteen).ToContainTextAsync(today.AddDays(-100 + 91).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")));
            await Expect(thirteen).ToContainTextAsync("Overdue");
            await Expect(checks.GetByRole(AriaRole.Row).Filter(new() { HasText = "26 weeks" })).Not.ToContainTextAsync("Overdue");

            // The due list shows the overdue check; the key worker records it.
            await page.GotoAsync("/Sustainment");
            var due = page.GetByRole(AriaRole.Table, new() { Name = "Sustainment checks due, earliest first" }).GetByRole(AriaRole.Row).Filter(new() { HasText = person.DisplayName });
            await Expect(due).ToHaveCountAsync(1);
            await Expect(due).ToContainTextAsync("13 weeks");
            await Expect(due).ToContainTextAsync("Overdue");
            await session.AssertAccessibleAsync("sustainment checks due");
            await due.GetByRole(AriaRole.Link, new() { Name = $"Record the 13-week check for {person.DisplayName}" }).ClickAsync();
            await page.GetByLabel("Still in work (sustained)").ChooseAsync();
            await page.GetByLabel("Payslip").ChooseAsync();
            await page.GetByLabel("Date of the check").FillAsync(Iso(today));
            await session.AssertAccessibleAsync("sustainment check, filled in");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the check" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The 13-week check is recorded: still in work (sustained).");
            await Expect(thirteen).ToContainTextAsync("Still in work (sustained), payslip");
            await page.GotoAsync("/Sustainment");
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = person.DisplayName })).ToHaveCountAsync(0);
        }
    }

    /// <summary>
    /// An incentive for a job paid below the scheme's minimum shows which standard fails and why; the LEP manager
    /// cannot approve it without an override reason, and the reason is kept.
    /// </summary>
    [Fact]
    public async Task Incentive_that_fails_a_minimum_standard_shows_why_and_needs_an_override_reason_to_approve()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var officer = await browser.Server.CreateUserAsync(Role.EmployerEngagementOfficer, $"Incentive Officer {suffix}");
        var manager = await browser.Server.CreateUserAsync(Role.LepManager, $"Incentive Manager {suffix}");
        var keyWorker = await browser.Server.CreateUserAsync(Role.KeyWorker, $"Incentive Worker {suffix}");
        var person = await browser.Server.CreateParticipantAsync("Ross", $"Incentive{suffix}", new DateOnly(2001, 5, 20), keyWorker.Id);
        var employer = await browser.Server.CreateEmployerAsync($"Govan Bakery {suffix}");
        var scheme = await browser.Server.EnsureIncentiveSchemeAsync();
        string applicationUrl;

        await using (var session = await browser.OpenAsync(officer))
        {
            var page = session.Page;
            await page.GotoAsync("/Incentives/Create");
            await page.GetByLabel("The person's reference").FillAsync(person.Reference);
            await page.GetByLabel("Employer", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = employer.Name });
            await page.GetByLabel("Job title").FillAsync("Baker's assistant");
            await page.GetByLabel("Start date").FillAsync(Iso(DateOnly.FromDateTime(DateTime.UtcNow)));
            await page.GetByLabel("Hourly pay in pounds").FillAsync("11.50");
            await page.GetByLabel("Hours a week").FillAsync("20");
            await page.GetByLabel("Permanent").ChooseAsync();
            await page.GetByLabel("The employer confirms this job does not replace an existing employee").ChooseAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The application is made.");
            var standards = page.GetByRole(AriaRole.Table, new() { Name = "Checks against the minimum standards" });
            await Expect(standards.GetByRole(AriaRole.Row).Filter(new() { HasText = "Pay" }).GetByRole(AriaRole.Cell))
                .ToHaveTextAsync(["Pay", "Not met", string.Create(CultureInfo.InvariantCulture, $"Pays £11.50 an hour; the scheme's minimum is £{scheme.MinimumHourlyPay:0.00}")]);
            await Expect(standards.GetByRole(AriaRole.Row).Filter(new() { HasText = "Hours" }).GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("Met");
            // The officer applies; only the LEP manager decides.
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Decision" })).ToHaveCountAsync(0);
            await session.AssertAccessibleAsync("an incentive application that fails a standard");
            applicationUrl = page.Url;
        }

        await using (var session = await browser.OpenAsync(manager))
        {
            var page = session.Page;
            await page.GotoAsync(applicationUrl);
            await page.GetByLabel("Approve", new() { Exact = true }).ChooseAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" }))
                .ToContainTextAsync("The job does not meet: pay. To approve it anyway, give the reason for the override");
            await Expect(page.Locator("dl.ds_summary-list")).ToContainTextAsync("Waiting for a decision");
            await session.AssertAccessibleAsync("incentive decision, override reason missing");

            await page.GetByLabel("Reason", new() { Exact = true }).FillAsync("The pay rises to the Real Living Wage after the 4-week trial, in the contract.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The application is approved.");
            await Expect(page.Locator("dl.ds_summary-list")).ToContainTextAsync("The pay rises to the Real Living Wage after the 4-week trial");
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Stage payments" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(5);
            await session.AssertAccessibleAsync("an approved incentive with an override");
        }
    }
}
