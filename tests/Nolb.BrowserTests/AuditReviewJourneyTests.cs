using Microsoft.Playwright;
using Nolb.Web.Domain;
using Nolb.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Nolb.BrowserTests;

/// <summary>Issue 11 in a browser: an administrator searches the audit trail for a person and reviews unusual access.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AuditReviewJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Administrator_finds_who_opened_a_persons_record_and_sees_a_user_who_opened_many_records_outside_their_caseload()
    {
        var keyWorker = await browser.Server.CreateUserAsync(Role.KeyWorker, "Curious Worker");
        var person = await browser.Server.CreateParticipantAsync("Audited", "Person", new DateOnly(1991, 2, 3), keyWorkerId: null);
        var now = DateTime.UtcNow;
        await browser.Server.WithDbAsync(async db =>
        {
            db.AuditEntries.AddRange(Enumerable.Range(0, 20).Select(i => new AuditEntry
            {
                OccurredAt = now.AddMinutes(-20 + i),
                ActorUserId = keyWorker.Id,
                ActorEmail = keyWorker.Email,
                Action = AuditAction.Read,
                EntityType = "Participant",
                EntityId = i == 0 ? person.Id.ToString() : Guid.NewGuid().ToString(),
                IpAddress = "10.0.0.7",
            }));
            return await db.SaveChangesAsync();
        });
        var admin = await browser.Server.CreateUserAsync(Role.Administrator);
        await using var session = await browser.OpenAsync(admin);
        var page = session.Page;

        await page.GotoAsync("/Admin/Audit");
        await page.GetByLabel("Person (reference or id)").FillAsync(person.Reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var rows = page.GetByRole(AriaRole.Region, new() { Name = "Audit entries" }).Locator("tbody tr");
        await Expect(rows.Filter(new() { HasText = keyWorker.Email! })).ToHaveCountAsync(1);
        await session.AssertAccessibleAsync("audit trail searched by person");

        await page.GetByRole(AriaRole.Link, new() { Name = "See unusual access" }).ClickAsync();
        var flag = page.GetByRole(AriaRole.Region, new() { Name = $"Many records outside their caseload: {keyWorker.Email}" });
        await Expect(flag).ToBeVisibleAsync();
        await flag.GetByText("The 20 audit entries behind this flag").ClickAsync();
        await Expect(flag.Locator("tbody tr")).ToHaveCountAsync(20);
        await session.AssertAccessibleAsync("unusual access with a flag open");
    }
}
