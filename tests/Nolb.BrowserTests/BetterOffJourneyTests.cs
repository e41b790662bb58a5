using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nolb.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Nolb.BrowserTests;

/// <summary>Better Off In Work in a browser: the form, its answer, and the same answer as a PDF.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class BetterOffJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Key_worker_works_out_whether_a_person_is_better_off_in_a_job_and_downloads_the_PDF()
    {
        var keyWorker = await browser.Server.CreateUserAsync(Role.KeyWorker);
        var person = await browser.Server.CreateParticipantAsync("Shona", $"Betteroff{Guid.NewGuid():N}"[..16], new DateOnly(1991, 3, 9), keyWorker.Id);
        await using var session = await browser.OpenAsync(keyWorker);
        var page = session.Page;

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Better off in work" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Better off in work");

        // Asking nothing sensible is answered with the errors, not a result.
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculate", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Result (" })).ToHaveCountAsync(0);

        // Opened from the person's record, the form knows their age.
        await page.GotoAsync($"/BetterOffInWork?participantId={person.Id}");
        await Expect(page.GetByText($"For {person.DisplayName}.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Adult 1", Exact = true }).GetByLabel("Age", new() { Exact = true }))
            .ToHaveValueAsync(Age(person.DateOfBirth));

        await Pages.FillBetterOffAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculate", Exact = true }).ClickAsync();

        var result = page.GetByRole(AriaRole.Region, new() { Name = "Result (" });
        await Expect(result.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(ResultHeading());
        var answer = page.Locator(".nolb-better-off__answer");
        await Expect(answer).ToHaveTextAsync(Answer());

        // The answer comes first: above the form, with focus moved to the result's heading (issue 26).
        await Expect(page.Locator("#result-heading")).ToBeFocusedAsync();
        var answerBox = await answer.BoundingBoxAsync();
        var calculateBox = await page.GetByRole(AriaRole.Button, new() { Name = "Calculate", Exact = true }).BoundingBoxAsync();
        Assert.True(answerBox!.Y < calculateBox!.Y, $"The answer is at {answerBox.Y} px, below the form's Calculate button at {calculateBox.Y} px.");
        await Expect(result.GetByRole(AriaRole.Table, new() { Name = "Monthly amounts now and in the job" })).ToContainTextAsync("Universal Credit");
        // The form keeps what was typed, so a change and a new answer are one click away.
        await Expect(page.GetByLabel("Hourly pay, £")).ToHaveValueAsync("12.75");
        await session.AssertAccessibleAsync("better off in work, the answer");

        // Paid weekly, the answer at the top also gives the month with 4 paydays and the month with 5 (issue 26 point 5).
        await page.GetByLabel("How often paid").SelectOptionAsync("weekly");
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculate", Exact = true }).ClickAsync();
        await Expect(answer).ToContainTextAsync("Paid weekly, a month with 4 paydays leaves you");
        var months = result.GetByRole(AriaRole.Table, new() { Name = "Months with fewer and more paydays" });
        await Expect(months.GetByRole(AriaRole.Rowheader, new() { Name = "A month with 5 paydays" })).ToBeVisibleAsync();
        await Expect(months.GetByRole(AriaRole.Row).Filter(new() { HasText = "A month with 4 paydays" })).ToContainTextAsync("better off");
        var monthsBox = await months.BoundingBoxAsync();
        calculateBox = await page.GetByRole(AriaRole.Button, new() { Name = "Calculate", Exact = true }).BoundingBoxAsync();
        Assert.True(monthsBox!.Y < calculateBox!.Y, $"The months table is at {monthsBox.Y} px, below the form's Calculate button at {calculateBox.Y} px.");

        // Each rate used, with its source and the date it was read (issue 26 point 8).
        await result.GetByText("rates used and their sources").ClickAsync();
        await Expect(result.GetByRole(AriaRole.Table, new() { Name = "Rates used" })).ToContainTextAsync("7 December 2026");
        await session.AssertAccessibleAsync("better off in work, paid weekly");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Download the result as a PDF" }).ClickAsync());
        Assert.Matches(PdfName(), download.SuggestedFilename);
        await using var pdf = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await pdf.CopyToAsync(copy);
        var bytes = copy.ToArray();
        Assert.True(bytes.Length > 500, $"The PDF has only {bytes.Length} bytes.");
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.Contains("%%EOF", Encoding.ASCII.GetString(bytes[^32..]), StringComparison.Ordinal);
    }

    private static string Age(DateOnly born)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var age = today.Year - born.Year - (born.AddYears(today.Year - born.Year) > today ? 1 : 0);
        return age.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^Result \(\d{4}-\d{2} rates\)$")]
    private static partial Regex ResultHeading();

    [GeneratedRegex(@"^You would be (£[\d,]+\.\d{2} a month (better|worse) off|no better and no worse off) in this job\.")]
    private static partial Regex Answer();

    [GeneratedRegex(@"^better-off-in-work-\d{4}-\d{2}\.pdf$")]
    private static partial Regex PdfName();
}
