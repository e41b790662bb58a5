using System.Globalization;
using Microsoft.Playwright;
using Nolb.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Nolb.BrowserTests;

/// <summary>The journeys the issues' "done when" describe, in a browser, checking every page on the way with axe.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class JourneyTests(BrowserFixture browser)
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Issue 2: the bootstrap administrator creates a Glasgow key worker, who signs in and sees a key worker's home page.</summary>
    [Fact]
    public async Task Administrator_creates_a_Glasgow_key_worker_who_signs_in_to_a_key_workers_home_page()
    {
        var name = $"Morag Key {Guid.NewGuid():N}"[..18];
        var email = $"morag-{Guid.NewGuid():N}@nolb.test";
        const string password = "morag-first-password";
        await using var session = await browser.OpenAsync();
        var page = session.Page;

        await Pages.SignInAsync(page, NolbServer.AdminEmail, NolbServer.AdminPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hello, Nolb administrator");
        await session.AssertAccessibleAsync("administrator's home page");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a user" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Create a user");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = "Key worker" });
        await page.GetByLabel("LEP").SelectOptionAsync(new SelectOptionValue { Label = "Glasgow City (S12000049)" });
        await page.GetByLabel("First password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Account created for {name}.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(email);
        await session.AssertAccessibleAsync("the new user's page");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You have signed out");
        await session.AssertAccessibleAsync("signed out");

        await Pages.SignInAsync(page, email, password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Hello, {name}");
        await Expect(page.Locator(".ds_page-header__label")).ToHaveTextAsync("Key worker – Glasgow City LEP");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your open cases" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Register a person" }).First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
        await session.AssertAccessibleAsync("the key worker's home page");
    }

    /// <summary>Issue 3: register → start an engagement → move stage → the case in the caseload.</summary>
    [Fact]
    public async Task Key_worker_registers_a_person_starts_an_engagement_moves_the_stage_and_finds_the_case_in_the_caseload()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var keyWorker = await browser.Server.CreateUserAsync(Role.KeyWorker, $"Journey Worker {suffix}");
        var familyName = $"Journey{suffix}";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using var session = await browser.OpenAsync(keyWorker);
        var page = session.Page;

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Register a person" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Register a person for support");
        await page.GetByLabel("First name").FillAsync("Ailsa");
        await page.GetByLabel("Last name").FillAsync(familyName);
        await page.GetByLabel("Date of birth").FillAsync(Iso(today.AddYears(-19)));
        await page.GetByLabel("Text message").CheckAsync();
        await page.GetByLabel("Employment status").SelectOptionAsync(new SelectOptionValue { Label = "Unemployed, 12 months or more" });
        await page.GetByLabel("Universal Credit").CheckAsync();
        await page.GetByLabel("Care experienced").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();

        await page.WaitForPathAsync(Pages.RecordPath());
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Ailsa {familyName} is registered with reference NLB-");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Ailsa {familyName}");
        await Expect(page.GetByText("Young Person's Guarantee")).ToBeVisibleAsync();
        await session.AssertAccessibleAsync("the new record");

        await page.GetByRole(AriaRole.Link, new() { Name = "Start an engagement" }).ClickAsync();
        await page.GetByLabel("Start date").FillAsync(Iso(today.AddDays(-7)));
        await page.GetByLabel("Jobcentre Plus").CheckAsync();
        await page.GetByLabel("Young Person's Guarantee").CheckAsync();
        await Expect(page.GetByLabel("Key worker")).ToHaveValueAsync(keyWorker.Id.ToString());
        await session.AssertAccessibleAsync("start an engagement");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start engagement" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The engagement has started at stage 1.");
        await Expect(page.GetByText("Stage 1. Engagement, referral and assessment")).ToBeVisibleAsync();
        await session.AssertAccessibleAsync("the record with an open engagement");

        await page.GetByRole(AriaRole.Link, new() { Name = "Move stage" }).ClickAsync();
        await page.GetByLabel("3. Vocational activity").CheckAsync();
        await page.GetByLabel("Date of the move").FillAsync(Iso(today.AddDays(-2)));
        await page.GetByLabel("Why").FillAsync("Started an SVQ in hospitality");
        await session.AssertAccessibleAsync("move stage");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the move" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Moved to stage 3. Vocational activity.");
        await Expect(page.GetByText("Stage 3. Vocational activity")).ToBeVisibleAsync();
        await Expect(page.Locator(".nolb-timeline")).ToContainTextAsync("Started an SVQ in hospitality");
        await session.AssertAccessibleAsync("the record after the move");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Caseload" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your caseload");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = familyName });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("3. Vocational activity");
        await session.AssertAccessibleAsync("the caseload");

        await row.GetByRole(AriaRole.Link, new() { Name = $"Ailsa {familyName}" }).ClickAsync();
        await page.WaitForPathAsync(Pages.RecordPath());
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
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await page.GotoAsync($"/Participants/{person.Id}");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("<script>alert(1)</script> Scriptname");
        await session.AssertAccessibleAsync("a record with a script-like name");
        Assert.Equal(0, dialogs);
    }
}
