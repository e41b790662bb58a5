using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Nolb.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Nolb.BrowserTests;

/// <summary>Issue 10 in a browser: a participant on a phone-sized screen sees their plan, marks an action done and gives anonymous feedback.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ParticipantPhoneJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_participant_on_a_phone_sees_their_plan_and_gives_anonymous_feedback()
    {
        var server = browser.Server;
        var keyWorker = await server.CreateUserAsync(Role.KeyWorker, "Phone Keyworker");
        var person = await server.CreateParticipantAsync("Phoebe", "Phoneperson", new DateOnly(1995, 3, 14), keyWorker.Id);
        await server.AddAssessmentsAndPlanAsync(person.OpenEngagement!.Id, keyWorker.Id);
        var account = await server.CreateUserAsync(Role.Participant, "Phoebe Phoneperson");
        await server.WithDbAsync(db => db.Users.Where(u => u.Id == account.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.ParticipantId, person.Id)));
        await using var session = await browser.OpenAsync(account);
        var page = session.Page;
        await page.SetViewportSizeAsync(375, 667);

        await page.GotoAsync("/Me");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your support");
        await Expect(page.GetByText("Hello Phoebe")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your key worker" })).ToBeVisibleAsync();
        await session.AssertAccessibleAsync("the participant's own page on a phone");

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Give feedback", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tell us how we are doing");
        // The design system draws its own radios and checkboxes over the inputs, so a person (and the test) taps the label.
        await page.GetByText("After my first month of support", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "We treat you with dignity and respect" }).GetByText("5 – Yes, always", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("What would make our service better?").FillAsync("Appointments after 5pm");
        await page.GetByText("Do not put my name on this feedback", new() { Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Do not put my name on this feedback")).ToBeCheckedAsync();
        await session.AssertAccessibleAsync("the feedback form on a phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my feedback" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Thank you");
        var stored = await server.WithDbAsync(db => db.FeedbackResponses.AsNoTracking().SingleAsync(r => r.Improvement == "Appointments after 5pm"));
        Assert.True(stored.IsAnonymous);
        Assert.Null(stored.ParticipantId);
        var widest = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(widest <= 375, $"The page is {widest}px wide on a 375px screen, so it scrolls sideways");
    }
}
