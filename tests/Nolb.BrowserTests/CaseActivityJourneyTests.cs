using System.Globalization;
using Microsoft.Playwright;
using Nolb.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Nolb.BrowserTests;

/// <summary>Issue 4 in a browser, after the plan: interventions, case notes, appointments and the case timeline.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CaseActivityJourneyTests(BrowserFixture browser)
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// From the action plan, the key worker records a course that gained a qualification (SCQF level 5), writes a
    /// sensitive case note, books an appointment and downloads it for their calendar; the timeline shows all three
    /// with the plan, and its filters show one kind at a time.
    /// </summary>
    [Fact]
    public async Task Key_worker_records_an_intervention_with_a_qualification_a_note_and_an_appointment_and_sees_them_on_the_timeline()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var keyWorker = await browser.Server.CreateUserAsync(Role.KeyWorker, $"Activity Worker {suffix}");
        var person = await browser.Server.CreateParticipantAsync("Morag", $"Activity{suffix}", new DateOnly(1991, 6, 3), keyWorker.Id);
        await browser.Server.AddAssessmentsAndPlanAsync(person.OpenEngagement!.Id, keyWorker.Id);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var tomorrow = today.AddDays(1);
        await using var session = await browser.OpenAsync(keyWorker);
        var page = session.Page;

        // The action plan says what to work on; the record is where the work is recorded.
        await page.GotoAsync($"/Engagements/{person.OpenEngagement.Id}/ActionPlan");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Goals and actions" })).ToContainTextAsync("Set up an email account at the library");
        await page.GotoAsync($"/Participants/{person.Id}");

        // An intervention that gained a qualification.
        await page.GetByRole(AriaRole.Link, new() { Name = "Record an intervention" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Record an intervention");
        await page.GetByLabel("Type of intervention").SelectOptionAsync(new SelectOptionValue
        {
            Label = "Accredited and Certificated Core / Vocational Skills Training: Employability award units SCQF level 4 or above",
        });
        await page.GetByLabel("Our own team").ChooseAsync();
        await page.GetByLabel("Start date").FillAsync(Iso(today.AddDays(-20)));
        await page.GetByLabel("End date").FillAsync(Iso(today.AddDays(-2)));
        await page.GetByLabel("Hours", new() { Exact = true }).FillAsync("18");
        await page.GetByRole(AriaRole.Group, new() { Name = "Outcome" }).GetByLabel("Completed").ChooseAsync();
        var qualification = page.GetByRole(AriaRole.Group, new() { Name = "Qualification gained" });
        await qualification.GetByLabel("Title").FillAsync("Employability Award");
        await qualification.GetByLabel("SCQF level").FillAsync("13");
        await qualification.GetByLabel("Awarding body").FillAsync("SQA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the intervention" }).ClickAsync();
        // A level out of range is refused, naming the field and the fix.
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" })).ToContainTextAsync("SCQF level");
        await session.AssertAccessibleAsync("record an intervention, SCQF level out of range");
        await qualification.GetByLabel("SCQF level").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the intervention" }).ClickAsync();
        await page.WaitForPathAsync(Pages.RecordPath());
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The intervention is recorded.");

        // A sensitive case note.
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a case note" }).ClickAsync();
        await Expect(page.GetByText("You can change a note for 24 hours after you write it.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Date", new() { Exact = true })).ToHaveValueAsync(Iso(today));
        await page.GetByLabel("Note", new() { Exact = true }).FillAsync($"Talked about sleep and worry before the course {suffix}.");
        await page.GetByLabel("Sensitive: health").ChooseAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the note" }).ClickAsync();
        await page.WaitForPathAsync(Pages.RecordPath());
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The note is added.");

        // An appointment tomorrow, and its calendar file.
        await page.GetByRole(AriaRole.Link, new() { Name = "Book an appointment" }).ClickAsync();
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync(Iso(tomorrow));
        await page.GetByLabel("Time", new() { Exact = true }).FillAsync("10:30");
        await page.GetByLabel("Length in minutes").FillAsync("45");
        await page.GetByLabel("In person").ChooseAsync();
        await page.GetByLabel("Place, phone number or video link").FillAsync("Bridgeton Library, 23 Landressy Street");
        await page.GetByLabel("With whom").FillAsync("Activity Worker");
        await page.GetByLabel("Purpose").FillAsync("Talk about the health worry in the note");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book the appointment" }).ClickAsync();
        await page.WaitForPathAsync(Pages.RecordPath());
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The appointment is booked for ");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("with Activity Worker, in person, Bridgeton Library, 23 Landressy Street.");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Add to calendar" }).First.ClickAsync());
        Assert.Equal($"appointment-{person.Reference}.ics", download.SuggestedFilename);
        var ics = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        var start = UkToUtc(tomorrow, new TimeOnly(10, 30));
        Assert.Contains($"DTSTART:{start:yyyyMMdd'T'HHmmss'Z'}\r\n", ics, StringComparison.Ordinal);
        Assert.Contains($"DTEND:{start.AddMinutes(45):yyyyMMdd'T'HHmmss'Z'}\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("LOCATION:Bridgeton Library\\, 23 Landressy Street\r\n", ics, StringComparison.Ordinal);
        Assert.Contains($"SUMMARY:Appointment {person.Reference} (In person)", ics, StringComparison.Ordinal);
        // A diary file leaves the building: no purpose, no name, nothing from the record.
        Assert.DoesNotContain("health", ics, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Morag", ics, StringComparison.Ordinal);

        // The timeline has everything, newest first; each filter shows one kind.
        var timeline = page.Locator("ol.nolb-timeline > li");
        await Expect(timeline.Filter(new() { HasText = "Intervention: Employability award units SCQF level 4 or above" }))
            .ToContainTextAsync("Completed. Gained Employability Award (SCQF level 5).");
        await Expect(timeline.Filter(new() { HasText = "Case note" })).ToContainTextAsync("Sensitive: health");
        await Expect(timeline.Filter(new() { HasText = "Appointment with Activity Worker, 10:30" })).ToContainTextAsync("Upcoming");
        await Expect(timeline.Filter(new() { HasText = "Needs assessment" }).First).ToBeVisibleAsync();
        await Expect(timeline.First).ToContainTextAsync("Appointment with Activity Worker");
        await session.AssertAccessibleAsync("the record with its timeline");

        var filters = page.GetByRole(AriaRole.Navigation, new() { Name = "Show on the timeline" });
        foreach (var (label, kind) in new[] { ("Interventions", "interventions"), ("Case notes", "notes"), ("Appointments", "appointments") })
        {
            await filters.GetByRole(AriaRole.Link, new() { Name = label, Exact = true }).ClickAsync();
            await Expect(filters.Locator("[aria-current=page]")).ToHaveTextAsync(label);
            await Expect(timeline).ToHaveCountAsync(1);
            await Expect(timeline.First).ToHaveAttributeAsync("data-kind", kind);
            Assert.EndsWith($"show={kind}#timeline", page.Url, StringComparison.Ordinal);
        }

        await session.AssertAccessibleAsync("the timeline, filtered");
        await filters.GetByRole(AriaRole.Link, new() { Name = "Everything" }).ClickAsync();
        await Expect(timeline.Filter(new() { HasText = "Intervention:" })).ToHaveCountAsync(1);
        await Expect(timeline.Filter(new() { HasText = "Case note" })).ToHaveCountAsync(1);

        // The change links on the timeline open each record's edit page.
        await timeline.Filter(new() { HasText = "Intervention:" }).GetByRole(AriaRole.Link, new() { Name = "Change the intervention" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Change an intervention");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Qualification gained" }).GetByLabel("SCQF level")).ToHaveValueAsync("5");
        await session.AssertAccessibleAsync("change an intervention");

        // So do the note's (within its 24 hours) and the appointment's.
        await page.GoBackAsync();
        await timeline.Filter(new() { HasText = "Case note" }).GetByRole(AriaRole.Link, new() { Name = "Change the note" }).ClickAsync();
        await Expect(page.GetByLabel("Note", new() { Exact = true })).ToHaveValueAsync($"Talked about sleep and worry before the course {suffix}.");
        await session.AssertAccessibleAsync("change a case note");
        await page.GoBackAsync();
        await timeline.Filter(new() { HasText = "Appointment with" }).GetByRole(AriaRole.Link, new() { Name = "Change or record attendance" }).ClickAsync();
        await Expect(page.GetByLabel("Place, phone number or video link")).ToHaveValueAsync("Bridgeton Library, 23 Landressy Street");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Attendance" })).ToBeVisibleAsync();
        await session.AssertAccessibleAsync("change an appointment");
    }

    private static DateTime UkToUtc(DateOnly date, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
}
