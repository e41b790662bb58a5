using System.Globalization;
using Microsoft.Playwright;
using Nolb.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Nolb.BrowserTests;

/// <summary>Issue 3 in a browser: a person's case from registration to closing, as key workers and a team leader do it.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CaseJourneyTests(BrowserFixture browser)
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A key worker registers a person (with the equality questions), is warned when registering them again,
    /// records consent, starts an engagement and moves it on (skipping a stage); a team leader reassigns the case
    /// to another key worker, whose caseload then shows it; that key worker closes the engagement.
    /// </summary>
    [Fact]
    public async Task A_case_goes_from_registration_through_the_stages_and_reassignment_to_closing()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var first = await browser.Server.CreateUserAsync(Role.KeyWorker, $"Journey First {suffix}");
        var second = await browser.Server.CreateUserAsync(Role.KeyWorker, $"Journey Second {suffix}");
        var teamLeader = await browser.Server.CreateUserAsync(Role.TeamLeader, $"Journey Leader {suffix}");
        var familyName = $"Journey{suffix}";
        var fullName = $"Ailsa {familyName}";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var born = today.AddYears(-19).AddDays(-3);

        // The first key worker registers Ailsa, answering the equality questions.
        await using (var session = await browser.OpenAsync(first))
        {
            var page = session.Page;
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Register a person" }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Register a person for support");
            await FillPersonAsync(page, familyName, born);
            await page.GetByLabel("Universal Credit").ChooseAsync();
            await page.GetByLabel("Care experienced").ChooseAsync();
            await page.GetByLabel("Sex", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Female" });
            await page.GetByLabel("Ethnic group").SelectOptionAsync(new SelectOptionValue { Label = "White: Scottish" });
            await page.GetByLabel("Do they consider themselves disabled?").SelectOptionAsync(new SelectOptionValue { Label = "Prefer not to say" });
            await page.GetByLabel("Religion").SelectOptionAsync(new SelectOptionValue { Label = "None" });
            await session.AssertAccessibleAsync("register, filled in");
            await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();

            await page.WaitForPathAsync(Pages.RecordPath());
            var recordUrl = page.Url;
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{fullName} is registered with reference NLB-");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(fullName);
            await Expect(page.GetByText("Young Person's Guarantee")).ToBeVisibleAsync();
            var equality = page.Locator("h2:has-text('Equality monitoring') + dl");
            await Expect(equality).ToContainTextAsync("Female");
            await Expect(equality).ToContainTextAsync("White: Scottish");
            await Expect(equality).ToContainTextAsync("Prefer not to say");
            await session.AssertAccessibleAsync("the new record");

            // Registering the same person again is stopped with a warning that links to the record.
            await page.GotoAsync("/Participants/Register");
            await FillPersonAsync(page, familyName, born);
            await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
            var warning = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "This person may already have a record" });
            await Expect(warning).ToBeVisibleAsync();
            await session.AssertAccessibleAsync("register, possible duplicate");
            await warning.GetByRole(AriaRole.Link, new() { Name = fullName }).ClickAsync();
            await page.WaitForURLAsync(recordUrl);

            await page.GetByRole(AriaRole.Link, new() { Name = "Record consent" }).ClickAsync();
            await page.GetByLabel("Contact by text message").ChooseAsync();
            await Expect(page.GetByLabel("Date the person agreed")).ToHaveValueAsync(Iso(today));
            await page.GetByRole(AriaRole.Button, new() { Name = "Record consent" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Consent recorded: contact by text message.");
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Consent" })).ToContainTextAsync("Contact by text message");

            await page.GetByRole(AriaRole.Link, new() { Name = "Start an engagement" }).ClickAsync();
            await page.GetByLabel("Start date").FillAsync(Iso(today.AddDays(-7)));
            await page.GetByLabel("Jobcentre Plus").ChooseAsync();
            await page.GetByLabel("Young Person's Guarantee").ChooseAsync();
            await Expect(page.GetByLabel("Key worker").Locator("option:checked")).ToHaveTextAsync(first.DisplayName);
            await page.GetByRole(AriaRole.Button, new() { Name = "Start engagement" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The engagement has started at stage 1.");
            await Expect(page.Locator(".nolb-card .ds_card__content > p").First).ToContainTextAsync("Stage 1. Engagement, referral and assessment");

            await MoveStageAsync(page, "2. Needs assessment and barrier removal", today.AddDays(-5), "Needs assessment done");
            // Skipping stage 3 is normal and recorded, not prevented.
            await MoveStageAsync(page, "4. Employer engagement and job matching", today.AddDays(-2), "Ready for interviews now");
            await Expect(page.Locator(".nolb-timeline")).ToContainTextAsync("Needs assessment done");
            await Expect(page.Locator(".nolb-timeline")).ToContainTextAsync("Ready for interviews now");
            await session.AssertAccessibleAsync("the record after two moves");

            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Caseload", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your caseload");
            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = familyName });
            await Expect(row.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("4. Employer engagement and job matching");
        }

        // The team leader finds the case among the LEP's caseloads and reassigns it.
        await using (var session = await browser.OpenAsync(teamLeader))
        {
            var page = session.Page;
            await page.GotoAsync("/Caseload");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Caseloads");
            await ShowCasesOfAsync(page, first.DisplayName);
            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = familyName });
            await Expect(row.GetByRole(AriaRole.Cell).Last).ToHaveTextAsync(first.DisplayName);
            await row.GetByRole(AriaRole.Link, new() { Name = fullName }).ClickAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Reassign", Exact = true }).ClickAsync();
            await page.GetByLabel("New key worker").SelectOptionAsync(new SelectOptionValue { Label = $"{second.DisplayName} (key worker)" });
            await page.GetByLabel("Why (optional)").FillAsync("Balancing caseloads");
            await page.GetByRole(AriaRole.Button, new() { Name = "Reassign" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"The case is now with {second.DisplayName}.");
            await page.WaitForPathAsync(Pages.RecordPath());

            await page.GotoAsync("/Caseload");
            await ShowCasesOfAsync(page, second.DisplayName);
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = familyName }).GetByRole(AriaRole.Cell).Last).ToHaveTextAsync(second.DisplayName);
            await session.AssertAccessibleAsync("caseloads, filtered by key worker");
        }

        // The new key worker sees the case on their home page and closes the engagement.
        await using (var session = await browser.OpenAsync(second))
        {
            var page = session.Page;
            await page.GotoAsync("/");
            var row = page.GetByRole(AriaRole.Region, new() { Name = "Open cases" }).GetByRole(AriaRole.Row).Filter(new() { HasText = familyName });
            await Expect(row.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("4. Employer engagement and job matching");
            await row.GetByRole(AriaRole.Link, new() { Name = fullName }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(fullName);

            await page.GetByRole(AriaRole.Link, new() { Name = "Close engagement" }).ClickAsync();
            await page.GetByLabel("Entered employment").ChooseAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Close engagement" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The engagement is closed: entered employment.");
            await Expect(page.GetByText($"{fullName} has no open engagement.")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Earlier engagements" })).ToBeVisibleAsync();
            await session.AssertAccessibleAsync("the record after closing");

            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Caseload", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your caseload");
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = familyName })).ToHaveCountAsync(0);
        }
    }

    /// <summary>Text people type is shown as text, never run as script (and the CSP would refuse it anyway).</summary>
    [Fact]
    public async Task A_name_that_looks_like_script_is_shown_as_text()
    {
        var keyWorker = await browser.Server.CreateUserAsync(Role.KeyWorker);
        var person = await browser.Server.CreateParticipantAsync("<script>alert(1)</script>", "Scriptname", new DateOnly(1985, 6, 1), keyWorker.Id);
        await using var session = await browser.OpenAsync(keyWorker);
        var page = session.Page;
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };

        await page.GotoAsync($"/Participants/{person.Id}");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("<script>alert(1)</script> Scriptname");
        await session.AssertAccessibleAsync("a record with a script-like name");
        Assert.Equal(0, dialogs);
    }

    private static async Task FillPersonAsync(IPage page, string familyName, DateOnly born)
    {
        await page.GetByLabel("First name").FillAsync("Ailsa");
        await page.GetByLabel("Last name").FillAsync(familyName);
        await page.GetByLabel("Date of birth").FillAsync(Iso(born));
        await page.GetByLabel("Phone number (optional)").FillAsync("07700 900123");
        await page.GetByLabel("Phone call").ChooseAsync();
        await page.GetByLabel("Employment status").SelectOptionAsync(new SelectOptionValue { Label = "Unemployed, 12 months or more" });
    }

    private static async Task MoveStageAsync(IPage page, string stage, DateOnly on, string why)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Move stage" }).ClickAsync();
        await page.GetByLabel(stage).ChooseAsync();
        await page.GetByLabel("Date of the move").FillAsync(Iso(on));
        await page.GetByLabel("Why").FillAsync(why);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the move" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Moved to stage {stage}.");
        await Expect(page.Locator(".nolb-card .ds_card__content > p").First).ToContainTextAsync($"Stage {stage}");
    }

    /// <summary>The team leader's caseloads page, filtered to one key worker (the LEP-wide list has many pages).</summary>
    private static async Task ShowCasesOfAsync(IPage page, string keyWorker)
    {
        await page.GetByLabel("Key worker").SelectOptionAsync(new SelectOptionValue { Label = keyWorker });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show cases" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("KeyWorker=", StringComparison.Ordinal));
    }
}
