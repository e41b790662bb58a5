using System.Globalization;
using Microsoft.Playwright;
using Nolb.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Nolb.BrowserTests;

/// <summary>Pages work without JavaScript: forms are plain HTML posts (progressive enhancement only).</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class NoJavaScriptTests(BrowserFixture browser)
{
    [Fact]
    public async Task Signing_in_works_without_JavaScript()
    {
        var keyWorker = await browser.Server.CreateUserAsync(Role.KeyWorker, "No Script Worker");
        await using var session = await browser.OpenAsync(javaScript: false);
        var page = session.Page;

        await page.GotoAsync("/Account/SignIn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter your email address");

        await page.GetByLabel("Email address").FillAsync(keyWorker.Email!);
        await page.GetByLabel("Password").FillAsync(NolbServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hello, No Script Worker");
        session.Watch.AssertNoProblems("home page without JavaScript");
    }

    [Fact]
    public async Task Registering_a_person_works_without_JavaScript()
    {
        var keyWorker = await browser.Server.CreateUserAsync(Role.KeyWorker);
        var familyName = $"Noscript{Guid.NewGuid():N}"[..16];
        await using var session = await browser.OpenAsync(keyWorker, javaScript: false);
        var page = session.Page;

        await page.GotoAsync("/Participants/Register");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" })).ToBeVisibleAsync();

        await page.GetByLabel("First name").FillAsync("Calum");
        await page.GetByLabel("Last name").FillAsync(familyName);
        await page.GetByLabel("Date of birth").FillAsync(new DateOnly(1979, 11, 3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Letter").ChooseAsync();
        await page.GetByLabel("Employment status").SelectOptionAsync(new SelectOptionValue { Label = "Economically inactive" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();

        await page.WaitForPathAsync(Pages.RecordPath());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Calum {familyName}");
        session.Watch.AssertNoProblems("the record without JavaScript");
    }

    [Fact]
    public async Task Moving_a_stage_and_recording_an_assessment_work_without_JavaScript()
    {
        var keyWorker = await browser.Server.CreateUserAsync(Role.KeyWorker);
        var person = await browser.Server.CreateParticipantAsync("Fraser", $"Noscript{Guid.NewGuid():N}"[..16], new DateOnly(1983, 7, 21), keyWorker.Id);
        await using var session = await browser.OpenAsync(keyWorker, javaScript: false);
        var page = session.Page;

        await page.GotoAsync($"/Participants/{person.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Move stage" }).ClickAsync();
        await page.GetByLabel("3. Vocational activity").ChooseAsync();
        await page.GetByLabel("Why").FillAsync("Started a forklift course");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the move" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Moved to stage 3. Vocational activity.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Needs assessment", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a needs assessment" }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Motivation", Exact = true }).GetByLabel("5: ").ChooseAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the assessment" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The needs assessment is saved.");

        // Without JavaScript there is no chart, but the same figures are in the table.
        await page.GetByRole(AriaRole.Link, new() { Name = "Distance travelled" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Filter(new() { HasText = "Motivation" }).GetByRole(AriaRole.Cell).First).ToHaveTextAsync("5");
        await Expect(page.Locator("#distance-chart-figure")).ToBeHiddenAsync();
        session.Watch.AssertNoProblems("distance travelled without JavaScript");
    }

    [Fact]
    public async Task Better_off_in_work_answers_without_JavaScript()
    {
        var keyWorker = await browser.Server.CreateUserAsync(Role.KeyWorker);
        await using var session = await browser.OpenAsync(keyWorker, javaScript: false);
        var page = session.Page;

        await page.GotoAsync("/BetterOffInWork");
        await Pages.FillBetterOffAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculate", Exact = true }).ClickAsync();

        await Expect(page.Locator(".nolb-better-off__answer")).ToContainTextAsync("You would be ");
        session.Watch.AssertNoProblems("better off in work without JavaScript");
    }
}
