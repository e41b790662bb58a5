using System.IO.Compression;
using Microsoft.Playwright;
using Nolb.Web.Domain.CaseNotes;
using Nolb.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Nolb.BrowserTests;

/// <summary>Issue 11 in a browser: an administrator answers a subject access request and an erasure request.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DataRightsJourneyTests(BrowserFixture browser)
{
    /// <summary>
    /// The administrator finds the person, records the request, withholds a note that names someone else, releases the
    /// copy and downloads it as a zip of JSON and PDF.
    /// </summary>
    [Fact]
    public async Task An_administrator_answers_a_subject_access_request_withholding_a_note()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var keyWorker = await browser.Server.CreateUserAsync(Role.KeyWorker, $"Rights Worker {suffix}");
        var admin = await browser.Server.CreateUserAsync(Role.Administrator, $"Rights Admin {suffix}");
        var familyName = $"Access{suffix}";
        var person = await browser.Server.CreateParticipantAsync("Morven", familyName, new DateOnly(1990, 4, 2), keyWorker.Id);
        await browser.Server.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            db.CaseNotes.Add(CaseNote.Write(person.OpenEngagement!.Id, person.LepId, today, "Her neighbour Agnes called about her", null, null,
                today.AddYears(-1), keyWorker.Id, today, DateTime.UtcNow).Value!);
            return await db.SaveChangesAsync();
        });

        await using var session = await browser.OpenAsync(admin);
        var page = session.Page;
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Data rights" }).First.ClickAsync();
        await page.GetByLabel("Reference, name or date of birth").FillAsync(familyName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Subject access for {person.Reference}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Subject access request for Morven {familyName}");

        await page.GetByLabel("Date the request was received").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the request" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The request is recorded.");
        await page.GetByLabel("Her neighbour Agnes called about her", new() { Exact = false }).ChooseAsync();
        await page.GetByLabel("Why notes or passages are withheld").FillAsync("Names a neighbour");
        await session.AssertAccessibleAsync("subject access, ready to release");
        await page.GetByRole(AriaRole.Button, new() { Name = "Release the copy" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The copy is released.");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download the copy released", Exact = false }).First.ClickAsync());
        Assert.EndsWith(".zip", download.SuggestedFilename, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead((await download.PathAsync())!);
        using var json = new StreamReader(zip.GetEntry("information.json")!.Open());
        var text = await json.ReadToEndAsync();
        Assert.Contains(familyName, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Agnes", text, StringComparison.Ordinal);
        Assert.NotNull(zip.GetEntry("information.pdf"));
    }

    /// <summary>The administrator records an erasure request for a person with no support under way and erases them.</summary>
    [Fact]
    public async Task An_administrator_erases_a_person_who_asked()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var admin = await browser.Server.CreateUserAsync(Role.Administrator, $"Erasing Admin {suffix}");
        var familyName = $"Erase{suffix}";
        var person = await browser.Server.CreateParticipantAsync("Iona", familyName, new DateOnly(1985, 9, 9), keyWorkerId: null);

        await using var session = await browser.OpenAsync(admin);
        var page = session.Page;
        await page.GotoAsync($"/DataRights?Search={familyName}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Erasure for {person.Reference}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Erasure request for Iona {familyName}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(page.Locator(".ds_error-summary")).ToContainTextAsync("Choose whether to erase the data or refuse the request");
        await session.AssertAccessibleAsync("erasure, with errors");

        await page.GetByLabel("Date the request was received").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Erase the person's identifying data").ChooseAsync();
        await page.GetByLabel("Reason for the decision").FillAsync("Asked in person; no support under way");
        await page.GetByLabel("To erase, type the person's reference").FillAsync(person.Reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"The identifying data of {person.Reference} is erased.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Erasure request for Erased record");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("erased on");
    }
}
