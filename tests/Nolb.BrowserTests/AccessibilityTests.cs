using Microsoft.Playwright;
using Nolb.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Nolb.BrowserTests;

/// <summary>
/// Every page reachable so far, as the role that uses it, checked with axe-core for WCAG 2.2 A/AA and for
/// console (CSP) errors. To add a page, add a line to <see cref="All"/>: a name, the role (null: signed
/// out), the path (placeholders in braces are the ids of <see cref="SweepWorld"/>), and optionally what to
/// do on the page before checking it (e.g. submit the form empty to see its errors) and the expected status.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    public sealed record SweepPage(string Name, Role? As, string Path, Func<IPage, SweepWorld, Task>? Then = null, int Status = 200);

    public static readonly IReadOnlyList<SweepPage> All =
    [
        // Signed out
        new("Home, signed out", null, "/"),
        new("Sign in", null, "/Account/SignIn"),
        new("Sign in, empty form", null, "/Account/SignIn", (page, _) => Submit(page, "Sign in")),
        new("Sign in, wrong password", null, "/Account/SignIn", async (page, _) =>
        {
            await page.GetByLabel("Email address").FillAsync("nobody@nolb.test");
            await page.GetByLabel("Password").FillAsync("not-the-password");
            await Submit(page, "Sign in");
        }),
        new("Signed out", null, "/Account/SignedOut"),
        new("Page not found", Role.KeyWorker, "/no-such-page", Status: 404),
        new("Participant not found", Role.KeyWorker, "/Participants/00000000-0000-0000-0000-000000000001", Status: 404),
        new("Access denied", Role.KeyWorker, "/Admin/Users", Status: 403),

        // Home page of every role
        .. Enum.GetValues<Role>().Select(role => new SweepPage($"Home, {role.DisplayName()}", role, "/")),

        // Administration
        new("Users", Role.Administrator, "/Admin/Users"),
        new("Users, filtered", Role.Administrator, "/Admin/Users?Role=KeyWorker&Lep=S12000049"),
        new("Create a user", Role.Administrator, "/Admin/Users/Create"),
        new("Create a user, empty form", Role.Administrator, "/Admin/Users/Create", (page, _) => Submit(page, "Create user")),
        new("Edit a user", Role.Administrator, "/Admin/Users/Edit/{keyWorker}"),
        new("Edit a user, with errors", Role.Administrator, "/Admin/Users/Edit/{keyWorker}", async (page, _) =>
        {
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync("");
            await Submit(page, "Save changes");
        }),
        new("Organisations", Role.Administrator, "/Organisations"),
        new("Organisations, LEP manager", Role.LepManager, "/Organisations"),
        new("Add an organisation", Role.Administrator, "/Organisations/Create"),
        new("Add an organisation, empty form", Role.Administrator, "/Organisations/Create", (page, _) => Submit(page, "Add organisation")),
        new("Edit an organisation", Role.Administrator, "/Organisations/Edit/{organisation}"),
        new("Audit trail", Role.Administrator, "/Admin/Audit"),
        new("Audit trail, searched", Role.Administrator, "/Admin/Audit?Action=SignIn"),

        // Participants and caseload
        new("Find a person", Role.KeyWorker, "/Participants"),
        new("Find a person, found", Role.KeyWorker, "/Participants?Search=Sweep"),
        new("Find a person, nobody found", Role.KeyWorker, "/Participants?Search=Nobody+Here"),
        new("Register a person", Role.KeyWorker, "/Participants/Register"),
        new("Register a person, empty form", Role.KeyWorker, "/Participants/Register", (page, _) => Submit(page, "Register")),
        new("Register a person, possible duplicate", Role.KeyWorker, "/Participants/Register", async (page, world) =>
        {
            await page.GetByLabel("First name").FillAsync(SweepWorld.GivenName);
            await page.GetByLabel("Last name").FillAsync(SweepWorld.FamilyName);
            await page.GetByLabel("Date of birth").FillAsync(SweepWorld.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByLabel("Phone call").CheckAsync();
            await page.GetByLabel("Employment status").SelectOptionAsync(new SelectOptionValue { Label = "Unemployed, less than 12 months" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This person may already have a record" })).ToBeVisibleAsync();
        }),
        new("Participant record", Role.KeyWorker, "/Participants/{participant}"),
        new("Participant record, team leader", Role.TeamLeader, "/Participants/{participant}"),
        new("Participant record, no engagement", Role.KeyWorker, "/Participants/{unengaged}"),
        new("Change a participant's details", Role.KeyWorker, "/Participants/{participant}/Edit"),
        new("Change a participant's details, with errors", Role.KeyWorker, "/Participants/{participant}/Edit", async (page, _) =>
        {
            await page.GetByLabel("First name").FillAsync("");
            await Submit(page, "Save changes");
        }),
        new("Start an engagement", Role.KeyWorker, "/Participants/{unengaged}/StartEngagement"),
        new("Start an engagement, empty form", Role.KeyWorker, "/Participants/{unengaged}/StartEngagement", (page, _) => Submit(page, "Start engagement")),
        new("Move stage", Role.KeyWorker, "/Participants/Engagements/{engagement}/MoveStage"),
        new("Move stage, empty form", Role.KeyWorker, "/Participants/Engagements/{engagement}/MoveStage", (page, _) => Submit(page, "Record the move")),
        new("Caseload, key worker", Role.KeyWorker, "/Caseload"),
        new("Caseload, filtered", Role.KeyWorker, "/Caseload?Stage=2"),
        new("Caseloads, team leader", Role.TeamLeader, "/Caseload"),
    ];

    public static TheoryData<string> Names => [.. All.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Page_is_accessible(string name)
    {
        var entry = All.Single(p => p.Name == name);
        var world = await browser.SharedAsync(SweepWorld.CreateAsync);
        await using var session = await browser.OpenAsync(entry.As is { } role ? world.Users[role] : null);

        var response = await session.Page.GotoAsync(world.Fill(entry.Path));
        Assert.NotNull(response);
        Assert.Equal(entry.Status, response.Status);
        if (entry.Then is not null)
        {
            await entry.Then(session.Page, world);
        }

        if (entry.Status == 200 && entry.As is not null)
        {
            // Still signed in, on the page meant (not bounced to sign-in or access denied).
            await Expect(session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
            Assert.DoesNotContain("/Account/", session.Page.Url, StringComparison.Ordinal);
        }

        await session.AssertAccessibleAsync(name);
    }

    [Fact]
    public void Every_sweep_entry_has_a_unique_name() =>
        Assert.Equal(All.Count, All.Select(p => p.Name).Distinct().Count());

    /// <summary>Submits the form as it is and waits for the answer: the page again, with its error summary.</summary>
    private static async Task Submit(IPage page, string button)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" })).ToBeVisibleAsync();
    }
}
