using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Nolb.Web.Domain.Referrals;
using Nolb.Web.Domain.Voice;
using Nolb.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Nolb.BrowserTests;

/// <summary>
/// Service user voice and continuous improvement in a browser: a team leader records "You said, we did" and the participant
/// sees it on their phone; a partner submits a Service Standards self-assessment and the LEP manager returns it; the LEP
/// manager adds an overdue improvement action; the journey map shows its figures, and the services people are referred to
/// in each stage, as a diagram and tables.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class VoiceImprovementJourneyTests(BrowserFixture browser)
{
    private static readonly string[] StandardNames =
        ["Our services work for users", "Our services treat people with dignity and respect", "Our services learn and improve", "Our services have partnership at their heart"];

    [Fact]
    public async Task A_team_leader_records_you_said_we_did_and_the_participant_sees_it()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var theme = $"evening sessions {suffix}";
        var lepId = await browser.Server.WithDbAsync(db => db.Leps.Where(l => l.Code == NolbServer.Glasgow).Select(l => l.Id).SingleAsync());
        await browser.Server.WithDbAsync(async db =>
        {
            db.FeedbackResponses.Add(new FeedbackResponse { LepId = lepId, Period = "2026-27 Q3", IsAnonymous = true, Improvement = "Evenings please", Themes = [theme] });
            return await db.SaveChangesAsync();
        });
        var leader = await browser.Server.CreateUserAsync(Role.TeamLeader, $"Voice Leader {suffix}");
        await using (var session = await browser.OpenAsync(leader))
        {
            var page = session.Page;
            await page.GotoAsync("/YouSaidWeDid");
            await page.GetByRole(AriaRole.Link, new() { Name = "Record a change" }).ClickAsync();
            await page.GetByLabel("You said").FillAsync($"It is hard to come in the daytime {suffix}");
            await page.GetByLabel("We did").FillAsync("We now open on Thursday evenings.");
            await page.GetByLabel($"{theme} (1 comment)").ChooseAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the change" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The change is recorded");
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Changes made in response to feedback, newest first" })).ToContainTextAsync($"It is hard to come in the daytime {suffix}");
            await session.AssertAccessibleAsync("you said, we did, with an entry");
        }

        var keyWorker = await browser.Server.CreateUserAsync(Role.KeyWorker);
        var person = await browser.Server.CreateParticipantAsync("Voice", $"Person{suffix}", new DateOnly(1995, 5, 5), keyWorker.Id);
        var account = await browser.Server.CreateUserAsync(Role.Participant);
        await browser.Server.WithDbAsync(db => db.Users.Where(u => u.Id == account.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.ParticipantId, person.Id)));
        await using var phone = await browser.OpenAsync(account);
        await phone.Page.SetViewportSizeAsync(375, 667);
        await phone.Page.GotoAsync("/Me");
        await Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Name = "You said, we did" })).ToBeVisibleAsync();
        await Expect(phone.Page.GetByRole(AriaRole.Main)).ToContainTextAsync($"It is hard to come in the daytime {suffix}");
        await phone.AssertAccessibleAsync("your support, with you said, we did");
    }

    [Fact]
    public async Task A_partner_submits_a_standards_self_assessment_and_the_lep_manager_returns_it()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var organisation = await browser.Server.CreateOrganisationAsync($"Standards Partner {suffix}");
        var partner = await browser.Server.CreateUserAsync(Role.PartnerWorker, $"Standards Partner Worker {suffix}", organisation.Id);
        var manager = await browser.Server.CreateUserAsync(Role.LepManager, $"Standards Manager {suffix}");
        string url;
        await using (var session = await browser.OpenAsync(partner))
        {
            var page = session.Page;
            await page.GotoAsync("/Standards");
            await page.GetByRole(AriaRole.Button, new() { Name = "Start the self-assessment" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Service Standards self-assessment");
            url = new Uri(page.Url).AbsolutePath;
            foreach (var (name, index) in StandardNames.Select((n, i) => (n, i)))
            {
                await page.Locator($"#Input_Ratings_{index}__Score-2").ChooseAsync();
                await page.GetByLabel($"Evidence for \"{name}\"").FillAsync($"Evidence {index} {suffix}");
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("submitted for review");
            await session.AssertAccessibleAsync("self-assessment, submitted");
        }

        await using var review = await browser.OpenAsync(manager);
        await review.Page.GotoAsync("/Standards");
        await Expect(review.Page.GetByRole(AriaRole.Table)).ToContainTextAsync($"Standards Partner {suffix}");
        await review.AssertAccessibleAsync("standards compared across partners");
        await review.Page.GotoAsync(url);
        await review.Page.GetByLabel("Return it for changes").ChooseAsync();
        await review.Page.GetByRole(AriaRole.Button, new() { Name = "Record the review" }).ClickAsync();
        await Expect(review.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" })).ToContainTextAsync("Say what needs to change");
        await review.AssertAccessibleAsync("review, with errors");
        await review.Page.GetByLabel("Comment").FillAsync("Add evidence from your exit survey.");
        await review.Page.GetByRole(AriaRole.Button, new() { Name = "Record the review" }).ClickAsync();
        await Expect(review.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("returned with your comment");
        await Expect(review.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Returned for changes");
    }

    [Fact]
    public async Task The_lep_manager_adds_an_overdue_improvement_action_and_reads_the_journey_map()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var manager = await browser.Server.CreateUserAsync(Role.LepManager, $"Improvement Manager {suffix}");
        await using var session = await browser.OpenAsync(manager);
        var page = session.Page;
        await page.GotoAsync("/Improvement");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add an improvement action" }).ClickAsync();
        await page.GetByLabel("Improvement action").FillAsync($"Set up a lived experience panel {suffix}");
        await page.GetByLabel("Owner").FillAsync("LEP coordinator");
        await page.GetByLabel("Due date").FillAsync(DateTime.UtcNow.AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("In progress").ChooseAsync();
        await page.GetByLabel("S3 Our services learn and improve").ChooseAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the action" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"Set up a lived experience panel {suffix}" });
        await Expect(row).ToContainTextAsync("Overdue");
        await session.AssertAccessibleAsync("improvement plan, with an overdue action");

        // Six people in stage 2 referred to one money advice service: enough to be among the stage's most used and not suppressed.
        var service = $"Money advice {suffix}";
        await ReferredInStageTwoAsync(service, 6);
        await page.GotoAsync("/Journeys");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Customer journey map of Glasgow City" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Time spent in each stage" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(6);
        var referred = page.GetByRole(AriaRole.Table, new() { Name = "Referrals in each stage" }).GetByRole(AriaRole.Row).Filter(new() { HasText = service });
        await Expect(referred).ToContainTextAsync("2. Needs assessment and barrier removal");
        await Expect(referred.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("6");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Interventions in each stage" })).ToBeVisibleAsync();
        await session.AssertAccessibleAsync("journey map");
    }

    private async Task ReferredInStageTwoAsync(string serviceName, int people)
    {
        var worker = await browser.Server.CreateUserAsync(Role.KeyWorker, $"Journey Worker {serviceName}");
        var organisation = await browser.Server.CreateOrganisationAsync($"Advice Trust {serviceName}");
        var service = await browser.Server.CreateDirectoryServiceAsync(organisation.Id, serviceName);
        for (var i = 0; i < people; i++)
        {
            var person = await browser.Server.CreateParticipantAsync("Journey", $"Person {i}", new DateOnly(1990, 1, 1), worker.Id);
            await browser.Server.WithDbAsync(db =>
            {
                db.Referrals.Add(new Referral
                {
                    Direction = ReferralDirection.Outbound,
                    LepId = person.LepId,
                    ParticipantId = person.Id,
                    ServiceId = service.Id,
                    ToOrganisationId = organisation.Id,
                    SentByUserId = worker.Id,
                    SentAt = DateTime.UtcNow.AddDays(-7),
                    Reason = "Help with debts before starting work",
                });
                return db.SaveChangesAsync();
            });
        }
    }
}
