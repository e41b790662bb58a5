using System.Globalization;
using Microsoft.Playwright;
using Nolb.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Nolb.BrowserTests;

/// <summary>Issue 4 in a browser: needs assessments, distance travelled and the action plan given to the person.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PlanningJourneyTests(BrowserFixture browser)
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Two assessments a month apart, the change between them in the distance-travelled table and chart, an action
    /// in the person's words, a review date, and the printable plan.
    /// </summary>
    [Fact]
    public async Task Key_worker_assesses_twice_sees_the_distance_travelled_plans_an_action_and_prints_the_plan()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var keyWorker = await browser.Server.CreateUserAsync(Role.KeyWorker, $"Planning Worker {suffix}");
        var person = await browser.Server.CreateParticipantAsync("Eilidh", $"Planning{suffix}", new DateOnly(1988, 2, 11), keyWorker.Id);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using var session = await browser.OpenAsync(keyWorker);
        var page = session.Page;

        await page.GotoAsync($"/Participants/{person.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Needs assessment", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Needs assessment");
        await Expect(page.GetByText("No needs assessment has been recorded for this engagement yet.")).ToBeVisibleAsync();

        await RecordAssessmentAsync(page, today.AddDays(-30), confidence: 2, digital: 1, transport: 3, strengths: "Kind and patient; good with older people");
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Scores on the first assessment");

        await RecordAssessmentAsync(page, date: null, confidence: 4, digital: 3, transport: 3, strengths: "Kind and patient; now uses email every day");
        var comparison = page.GetByRole(AriaRole.Table);
        await Expect(comparison.GetByRole(AriaRole.Row).Filter(new() { HasText = "Confidence" }).GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("Up 2");
        await Expect(comparison.GetByRole(AriaRole.Row).Filter(new() { HasText = "Getting about" }).GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("No change");
        await session.AssertAccessibleAsync("needs assessment, two compared");

        await page.GetByRole(AriaRole.Link, new() { Name = "Distance travelled" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Distance travelled");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("2 areas have improved, 1 stayed the same and 0 went down.");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Scores for each area at each assessment" });
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Confidence" }).GetByRole(AriaRole.Cell))
            .ToHaveTextAsync(["2", "4", "Up 2"]);
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Digital skills" }).GetByRole(AriaRole.Cell))
            .ToHaveTextAsync(["1", "3", "Up 2"]);
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Getting about" }).GetByRole(AriaRole.Cell))
            .ToHaveTextAsync(["3", "3", "No change"]);
        // The chart is drawn from the table: the same areas, and the same points, one line per area.
        var chart = page.GetByRole(AriaRole.Img, new() { Name = "Line chart of each area's score at each assessment" });
        await Expect(chart).ToBeVisibleAsync();
        var lines = await page.EvaluateAsync<string[]>(
            "() => Chart.getChart('distance-chart').data.datasets.map(d => d.label + ': ' + d.data.join(' '))");
        Assert.Equal(["Digital skills: 1 3", "Confidence: 2 4", "Getting about: 3 3"], lines);
        await session.AssertAccessibleAsync("distance travelled, with the chart");

        await page.GetByRole(AriaRole.Link, new() { Name = "Needs assessments for this engagement" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Action plan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Action plan");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add an action" }).ClickAsync();
        await page.GetByLabel("Goal", new() { Exact = true }).FillAsync("I want to feel confident at interviews");
        await page.GetByLabel("Action", new() { Exact = true }).FillAsync("Go to the Tuesday confidence group at the library for four weeks");
        await page.GetByLabel("The person").ChooseAsync();
        await page.GetByLabel("Due date (optional)").FillAsync(Iso(today.AddDays(21)));
        await page.GetByLabel("In progress").ChooseAsync();
        await page.GetByLabel("Barrier it tackles (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Confidence" });
        await session.AssertAccessibleAsync("add an action, filled in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the plan" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The action is added to the plan.");
        var action = page.GetByRole(AriaRole.Table, new() { Name = "Goals and actions" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "confident at interviews" });
        await Expect(action.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("The person");
        await Expect(action.GetByRole(AriaRole.Cell).Nth(4)).ToHaveTextAsync("In progress");
        await Expect(action.GetByRole(AriaRole.Cell).Nth(5)).ToHaveTextAsync("Confidence");

        await page.GetByRole(AriaRole.Link, new() { Name = "Set the review date" }).ClickAsync();
        await page.GetByLabel("Review date").FillAsync(Iso(today.AddDays(35)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Set the review date" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The plan will be reviewed on ");
        await session.AssertAccessibleAsync("the action plan");

        await page.GetByRole(AriaRole.Link, new() { Name = "Printable plan for the person" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{person.DisplayName}'s action plan");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Kind and patient; now uses email every day");
        var printed = page.GetByRole(AriaRole.Table, new() { Name = "What we are working on" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "confident at interviews" });
        await Expect(printed.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("Me");
        await Expect(page.GetByText($"your key worker, {keyWorker.DisplayName}")).ToBeVisibleAsync();
        await session.AssertAccessibleAsync("the printable plan");

        // As printed: the plan alone, without the site's header, navigation, back link or buttons.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Expect(printed).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to the action plan" })).ToBeHiddenAsync();
        await Expect(page.GetByText("use your browser's print command")).ToBeHiddenAsync();
        await session.AssertAccessibleAsync("the printable plan, as printed");
    }

    /// <summary>Records an assessment from the needs assessment page (date null: the date the form suggests, today).</summary>
    private static async Task RecordAssessmentAsync(IPage page, DateOnly? date, int confidence, int digital, int transport, string strengths)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a needs assessment" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Record a needs assessment");
        if (date is { } on)
        {
            await page.GetByLabel("Date of the assessment").FillAsync(Iso(on));
        }

        await ScoreAsync(page, "Confidence", confidence);
        await ScoreAsync(page, "Digital skills", digital);
        await ScoreAsync(page, "Getting about", transport);
        await page.GetByLabel("Strengths, in the person's own words").FillAsync(strengths);
        await page.GetByLabel("Aspirations, in the person's own words").FillAsync("Work in a care home near where I live");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the assessment" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The needs assessment is saved.");
    }

    private static Task ScoreAsync(IPage page, string area, int score) =>
        page.GetByRole(AriaRole.Group, new() { Name = area, Exact = true })
            .GetByLabel($"{score.ToString(CultureInfo.InvariantCulture)}: ", new() { Exact = false })
            .ChooseAsync();
}
