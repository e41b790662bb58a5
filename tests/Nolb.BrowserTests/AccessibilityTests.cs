using Microsoft.Playwright;
using Nolb.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Nolb.BrowserTests;

/// <summary>
/// Every page reachable so far (but the API reference, /scalar: Scalar's own page, whose grey text fails colour
/// contrast and is not Nolb's to fix), as the role that uses it, checked with axe-core for WCAG 2.2 A/AA and for
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

        // Two-factor sign-in (the sign-in code page is checked in TwoFactorJourneyTests: it needs a pending sign-in)
        new("Two-factor sign-in, off", Role.KeyWorker, "/TwoFactor"),
        new("Two-factor sign-in, on", Role.Administrator, "/TwoFactor"),
        new("Set up two-factor sign-in", Role.KeyWorker, "/TwoFactor/SetUp"),
        new("Set up two-factor sign-in, empty form", Role.KeyWorker, "/TwoFactor/SetUp", (page, _) => Submit(page, "Switch on two-factor sign-in")),
        new("Recovery codes", Role.Administrator, "/TwoFactor/RecoveryCodes"),
        new("Switch off two-factor sign-in", Role.KeyWorker, "/TwoFactor/SwitchOff"),

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
        // The caseload import's other steps need a file: CaseloadImportJourneyTests checks each with axe.
        new("Caseload import", Role.LepManager, "/CaseloadImport"),
        new("Caseload import, no file chosen", Role.LepManager, "/CaseloadImport", (page, _) => Submit(page, "Upload and match columns")),
        new("Add an organisation", Role.Administrator, "/Organisations/Create"),
        new("Add an organisation, empty form", Role.Administrator, "/Organisations/Create", (page, _) => Submit(page, "Add organisation")),
        new("Edit an organisation", Role.Administrator, "/Organisations/Edit/{organisation}"),
        new("Audit trail", Role.Administrator, "/Admin/Audit"),
        new("Audit trail, searched", Role.Administrator, "/Admin/Audit?Action=SignIn"),
        new("Unusual access", Role.Administrator, "/Admin/Audit/Unusual"),
        new("Unusual access, dates the wrong way round", Role.Administrator, "/Admin/Audit/Unusual?From=2026-02-01&To=2026-01-01"),
        new("Data rights requests", Role.Administrator, "/DataRights"),
        new("Data rights requests, found", Role.Administrator, "/DataRights?Search=" + SweepWorld.FamilyName),
        new("Subject access request", Role.Administrator, "/DataRights/Person/{participant}/SubjectAccess"),
        new("Subject access request, with errors", Role.Administrator, "/DataRights/Person/{participant}/SubjectAccess", (page, _) => Submit(page, "Record the request")),
        new("Erasure request, refused while open", Role.Administrator, "/DataRights/Person/{participant}/Erasure"),
        new("Erasure request, with errors", Role.Administrator, "/DataRights/Person/{participant}/Erasure", (page, _) => Submit(page, "Record the decision")),
        new("Retention policy", Role.Administrator, "/DataRights/Retention"),
        new("Retention policy, dry run", Role.Administrator, "/DataRights/Retention", async (page, _) =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Dry run: list what is due" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dry run:");
        }),

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
            await page.GetByLabel("Phone number (optional)").FillAsync("0141 496 0001");
            await page.GetByLabel("Phone call").ChooseAsync();
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

        // Case pages
        new("Close the engagement", Role.KeyWorker, "/Participants/Engagements/{engagement}/Close"),
        new("Close the engagement, with errors", Role.KeyWorker, "/Participants/Engagements/{engagement}/Close", async (page, _) =>
        {
            await page.GetByLabel("Leaving date").FillAsync("");
            await Submit(page, "Close engagement");
        }),
        new("Reassign the case", Role.TeamLeader, "/Participants/Engagements/{engagement}/Reassign"),
        new("Reassign the case, empty form", Role.TeamLeader, "/Participants/Engagements/{engagement}/Reassign", (page, _) => Submit(page, "Reassign")),
        new("Record consent", Role.KeyWorker, "/Participants/{participant}/Consents/Record"),
        new("Record consent, with errors", Role.KeyWorker, "/Participants/{participant}/Consents/Record", async (page, _) =>
        {
            await page.GetByLabel("Date the person agreed").FillAsync("");
            await Submit(page, "Record consent");
        }),
        new("Withdraw consent", Role.KeyWorker, "/Participants/{participant}/Consents/{consent}/Withdraw"),
        new("Withdraw consent, with errors", Role.KeyWorker, "/Participants/{participant}/Consents/{consent}/Withdraw", async (page, _) =>
        {
            await page.GetByLabel("Date the person withdrew consent").FillAsync("");
            await Submit(page, "Withdraw consent");
        }),
        new("Transfer to another LEP", Role.TeamLeader, "/Participants/{participant}/Transfer"),
        new("Transfer to another LEP, empty form", Role.TeamLeader, "/Participants/{participant}/Transfer", (page, _) => Submit(page, "Transfer the record")),

        // Case activity: interventions, case notes, appointments
        new("Intervention catalogue", Role.Administrator, "/Admin/Interventions"),
        new("Intervention catalogue, empty form", Role.Administrator, "/Admin/Interventions", (page, _) => Submit(page, "Add the type")),
        new("Occupations (SOC 2020)", Role.Administrator, "/Admin/Occupations"),
        new("Occupations (SOC 2020), empty form", Role.Administrator, "/Admin/Occupations", (page, _) => Submit(page, "Load the list")),
        new("Record an intervention", Role.KeyWorker, "/Participants/Engagements/{engagement}/Interventions"),
        new("Record an intervention, empty form", Role.KeyWorker, "/Participants/Engagements/{engagement}/Interventions", (page, _) => Submit(page, "Record the intervention")),
        new("Add a case note", Role.KeyWorker, "/Participants/Engagements/{engagement}/Notes"),
        new("Add a case note, empty form", Role.KeyWorker, "/Participants/Engagements/{engagement}/Notes", (page, _) => Submit(page, "Add the note")),
        new("Book an appointment", Role.KeyWorker, "/Participants/Engagements/{engagement}/Appointments"),
        new("Book an appointment, empty form", Role.KeyWorker, "/Participants/Engagements/{engagement}/Appointments", (page, _) => Submit(page, "Book the appointment")),
        new("Appointments diary", Role.KeyWorker, "/Appointments/Diary"),

        // Needs assessment, distance travelled and action plan
        new("Needs assessment", Role.KeyWorker, "/Engagements/{engagement}/Assessments"),
        new("Needs assessment, team leader", Role.TeamLeader, "/Engagements/{engagement}/Assessments"),
        new("Needs assessment, none yet", Role.KeyWorker, "/Engagements/{unplanned}/Assessments"),
        new("Record a needs assessment", Role.KeyWorker, "/Engagements/{engagement}/Assessments/New"),
        new("Record a needs assessment, with errors", Role.KeyWorker, "/Engagements/{engagement}/Assessments/New", async (page, _) =>
        {
            await page.GetByLabel("Date of the assessment").FillAsync("");
            await Submit(page, "Save the assessment");
        }),
        new("Distance travelled, with the chart", Role.KeyWorker, "/Engagements/{engagement}/DistanceTravelled", (page, _) => ChartDrawn(page)),
        new("Distance travelled, team leader", Role.TeamLeader, "/Engagements/{engagement}/DistanceTravelled", (page, _) => ChartDrawn(page)),
        new("Distance travelled, none yet", Role.KeyWorker, "/Engagements/{unplanned}/DistanceTravelled"),
        new("Action plan", Role.KeyWorker, "/Engagements/{engagement}/ActionPlan"),
        new("Action plan, team leader", Role.TeamLeader, "/Engagements/{engagement}/ActionPlan"),
        new("Action plan, none yet", Role.KeyWorker, "/Engagements/{unplanned}/ActionPlan"),
        new("Add an action", Role.KeyWorker, "/Engagements/{engagement}/ActionPlan/Add"),
        new("Add an action, empty form", Role.KeyWorker, "/Engagements/{engagement}/ActionPlan/Add", (page, _) => Submit(page, "Add to the plan")),
        new("Change an action", Role.KeyWorker, "/Engagements/{engagement}/ActionPlan/{item}/Edit"),
        new("Change an action, with errors", Role.KeyWorker, "/Engagements/{engagement}/ActionPlan/{item}/Edit", async (page, _) =>
        {
            await page.GetByLabel("Goal").FillAsync("");
            await Submit(page, "Save changes");
        }),
        new("Set the plan review date", Role.KeyWorker, "/Engagements/{engagement}/ActionPlan/Review"),
        new("Set the plan review date, with errors", Role.KeyWorker, "/Engagements/{engagement}/ActionPlan/Review", async (page, _) =>
        {
            await page.GetByLabel("Review date").FillAsync("");
            await Submit(page, "Set the review date");
        }),
        new("Printable action plan", Role.KeyWorker, "/Engagements/{engagement}/ActionPlan/Print"),
        new("Printable action plan, as printed", Role.KeyWorker, "/Engagements/{engagement}/ActionPlan/Print",
            (page, _) => page.EmulateMediaAsync(new() { Media = Media.Print })),
        new("Printable action plan, none yet", Role.KeyWorker, "/Engagements/{unplanned}/ActionPlan/Print"),

        // Service directory and referrals (issue 5)
        new("Service directory", Role.KeyWorker, "/Directory"),
        new("Service directory, searched", Role.KeyWorker, "/Directory?Keyword=Sweep&Stage=3"),
        new("Service directory, nothing found", Role.KeyWorker, "/Directory?Keyword=Nothing+like+this"),
        new("Directory service", Role.KeyWorker, "/Directory/Services/{service}"),
        new("Directory service, LEP manager", Role.LepManager, "/Directory/Services/{service}"),
        new("Add a directory service", Role.LepManager, "/Directory/Services/Create"),
        new("Add a directory service, empty form", Role.LepManager, "/Directory/Services/Create", (page, _) => Submit(page, "Add the service")),
        new("Change a directory service", Role.LepManager, "/Directory/Services/{service}/Edit"),
        new("Import the directory", Role.Administrator, "/Directory/Import"),
        new("Supply map", Role.LepManager, "/Directory/SupplyMap"),
        new("Refer to a service", Role.KeyWorker, "/Participants/{participant}/Refer"),
        new("Refer to a service, chosen", Role.KeyWorker, "/Participants/{participant}/Refer?ServiceId={service}"),
        new("Refer to a service, empty form", Role.KeyWorker, "/Participants/{participant}/Refer?ServiceId={service}", (page, _) => Submit(page, "Send the referral")),
        new("Refer to a service, no consent", Role.KeyWorker, "/Participants/{unplannedParticipant}/Refer?ServiceId={service}"),
        new("Referrals received", Role.PartnerWorker, "/Referrals/Inbox"),
        new("Referral, to answer", Role.PartnerWorker, "/Referrals/{referral}"),
        new("Referral, decline with errors", Role.PartnerWorker, "/Referrals/{referral}", (page, _) => Submit(page, "Decline the referral")),
        new("Referral, as sent", Role.KeyWorker, "/Referrals/{referral}"),
        new("Referral outside Nolb", Role.KeyWorker, "/Referrals/{externalReferral}"),
        new("Referral summary", Role.KeyWorker, "/Referrals/{externalReferral}/Summary"),
        new("Referral summary, as printed", Role.KeyWorker, "/Referrals/{externalReferral}/Summary",
            (page, _) => page.EmulateMediaAsync(new() { Media = Media.Print })),
        new("Referrals sent", Role.KeyWorker, "/Referrals/Outbox"),
        new("Referral triage", Role.TeamLeader, "/Referrals/Triage"),
        new("Referral into the LEP", Role.TeamLeader, "/Referrals/{inbound}"),

        // Employers, vacancies, matching, placements, incentives, outcomes and sustainment (issue 6)
        new("Employers", Role.EmployerEngagementOfficer, "/Employers"),
        new("Employers, key worker", Role.KeyWorker, "/Employers"),
        new("Add an employer", Role.EmployerEngagementOfficer, "/Employers/Create"),
        new("Add an employer, empty form", Role.EmployerEngagementOfficer, "/Employers/Create", (page, _) => Submit(page, "Add the employer")),
        new("Employer", Role.EmployerEngagementOfficer, "/Employers/Details/{employer}"),
        new("Employer, log activity with errors", Role.EmployerEngagementOfficer, "/Employers/Details/{employer}", (page, _) => Submit(page, "Log the activity")),
        new("Change an employer", Role.EmployerEngagementOfficer, "/Employers/Edit/{employer}"),
        new("Vacancies", Role.EmployerEngagementOfficer, "/Vacancies"),
        new("Add a vacancy", Role.EmployerEngagementOfficer, "/Vacancies/Create"),
        new("Add a vacancy, empty form", Role.EmployerEngagementOfficer, "/Vacancies/Create", (page, _) => Submit(page, "Add the vacancy")),
        new("Vacancy", Role.EmployerEngagementOfficer, "/Vacancies/Details/{vacancy}"),
        new("Vacancy with its matches, key worker", Role.KeyWorker, "/Vacancies/Details/{vacancy}"),
        new("Change a vacancy", Role.EmployerEngagementOfficer, "/Vacancies/Edit/{vacancy}"),
        new("SOC 2020 occupations", Role.EmployerEngagementOfficer, "/Vacancies/Occupations"),
        new("SOC 2020 occupations, searched", Role.EmployerEngagementOfficer, "/Vacancies/Occupations?search=care"),
        new("Job goals and matching vacancies", Role.KeyWorker, "/Participants/{participant}/JobGoals"),
        new("Placements", Role.EmployerEngagementOfficer, "/Placements"),
        new("Add a placement", Role.EmployerEngagementOfficer, "/Placements/Create"),
        new("Add a placement, empty form", Role.EmployerEngagementOfficer, "/Placements/Create", (page, _) => Submit(page, "Add the placement")),
        new("Change a placement", Role.EmployerEngagementOfficer, "/Placements/Edit/{placement}"),
        new("Recruitment incentives", Role.EmployerEngagementOfficer, "/Incentives"),
        new("Recruitment incentives, LEP manager", Role.LepManager, "/Incentives"),
        new("Apply for an incentive", Role.EmployerEngagementOfficer, "/Incentives/Create"),
        new("Apply for an incentive, empty form", Role.EmployerEngagementOfficer, "/Incentives/Create", (page, _) => Submit(page, "Apply")),
        new("Incentive application, to decide", Role.LepManager, "/Incentives/Details/{incentive}"),
        new("Incentive application, override missing", Role.LepManager, "/Incentives/Details/{incentive}", async (page, _) =>
        {
            await page.GetByLabel("Approve", new() { Exact = true }).ChooseAsync();
            await Submit(page, "Record the decision");
        }),
        new("Incentive scheme", Role.LepManager, "/Incentives/Scheme"),
        new("Incentive scheme, with errors", Role.LepManager, "/Incentives/Scheme", async (page, _) =>
        {
            await page.GetByLabel("Financial year, by the year it starts in April").FillAsync("");
            await Submit(page, "Save the scheme");
        }),
        new("Outcomes", Role.KeyWorker, "/Engagements/{engagement}/Outcomes"),
        new("Record an outcome", Role.KeyWorker, "/Engagements/{engagement}/Outcomes/Add"),
        new("Record an outcome, empty form", Role.KeyWorker, "/Engagements/{engagement}/Outcomes/Add", (page, _) => Submit(page, "Record the outcome")),
        new("Change an outcome", Role.KeyWorker, "/Outcomes/{outcome}/Edit"),
        new("Change an outcome, with errors", Role.KeyWorker, "/Outcomes/{outcome}/Edit", async (page, _) =>
        {
            await page.GetByLabel("Job title").FillAsync("");
            await Submit(page, "Save changes");
        }),
        new("Record an in-work support contact", Role.KeyWorker, "/Engagements/{engagement}/Aftercare/Add"),
        new("Record an in-work support contact, empty form", Role.KeyWorker, "/Engagements/{engagement}/Aftercare/Add", (page, _) => Submit(page, "Record the contact")),
        new("Sustainment checks due", Role.KeyWorker, "/Sustainment"),
        new("Sustainment checks due, whole LEP", Role.TeamLeader, "/Sustainment?scope=lep"),
        new("Sustainment check", Role.KeyWorker, "/Sustainment/Checks/{check}"),
        new("Sustainment check, empty form", Role.KeyWorker, "/Sustainment/Checks/{check}", (page, _) => Submit(page, "Record the check")),

        // Case timeline, filtered (issue 4)
        new("Timeline, case notes only", Role.KeyWorker, "/Participants/{participant}?show=notes"),
        new("Timeline, referrals only", Role.KeyWorker, "/Participants/{participant}?show=referrals"),
        new("Timeline, assessments and actions", Role.KeyWorker, "/Participants/{participant}?show=assessments,actions"),

        // Better off in work
        .. new[] { Role.KeyWorker, Role.TeamLeader, Role.PartnerWorker, Role.EmployerEngagementOfficer }
            .Select(role => new SweepPage($"Better off in work, {role.DisplayName()}", role, "/BetterOffInWork")),
        new("Better off in work, for a participant", Role.KeyWorker, "/BetterOffInWork?participantId={participant}"),
        new("Better off in work, with errors", Role.KeyWorker, "/BetterOffInWork", async (page, _) =>
        {
            await page.GetByRole(AriaRole.Group, new() { Name = "Adult 1", Exact = true }).GetByLabel("Age", new() { Exact = true }).FillAsync("200");
            await Submit(page, "Calculate");
        }),
        new("Better off in work, the answer", Role.KeyWorker, "/BetterOffInWork?participantId={participant}", async (page, _) =>
        {
            await Pages.FillBetterOffAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Calculate", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Result (" })).ToBeVisibleAsync();
        }),

        // Commissioning (the contract, profile and spend pages are checked by CommissioningJourneyTests)
        new("Commissioning, LEP manager", Role.LepManager, "/Commissioning"),
        new("Commissioning, partner worker", Role.PartnerWorker, "/Commissioning"),
        new("Add a contract or grant", Role.LepManager, "/Commissioning/Create"),
        new("Add a contract or grant, empty form", Role.LepManager, "/Commissioning/Create", (page, _) => Submit(page, "Add it and set the profile")),
        new("Add a funding allocation", Role.LepManager, "/Commissioning/Allocation"),
        new("Add a funding allocation, empty form", Role.LepManager, "/Commissioning/Allocation", async (page, _) =>
        {
            await page.GetByLabel("Financial year, by the year it starts in April").FillAsync("");
            await Submit(page, "Save the allocation");
        }),
        new("Record a commissioning decision", Role.LepManager, "/Commissioning/Decision"),
        new("Record a commissioning decision, empty form", Role.LepManager, "/Commissioning/Decision", async (page, _) =>
        {
            await page.GetByLabel("Date of the decision").FillAsync("");
            await Submit(page, "Record the decision");
        }),
        new("Your support", Role.Participant, "/Me"),
        new("Add a goal, empty form", Role.Participant, "/Me/AddGoal", (page, _) => Submit(page, "Add my goal")),
        new("Download your information", Role.Participant, "/Me/Data"),
        new("Give feedback", Role.Participant, "/Me/Feedback"),
        new("Give feedback, empty form", Role.Participant, "/Me/Feedback", (page, _) => Submit(page, "Send my feedback")),
        new("Set up your account, link not valid", null, "/Me/Accept?token=not-a-real-token"),
        new("Invite a person", Role.KeyWorker, "/Participants/{participant}/Invite"),
        new("Key in feedback from paper", Role.KeyWorker, "/Participants/{participant}/Feedback"),
        new("Customer Charter feedback", Role.LepManager, "/Feedback/Results"),
        new("Customer Charter commitments", Role.Administrator, "/Feedback/Charter"),
        // Dashboards, for the quarter the sweep's people started in, with their charts drawn
        new("Caseload figures", Role.KeyWorker, $"/Measurement/Dashboard?period={SweepQuarter}", (page, _) => DashboardChartsDrawn(page)),
        new("LEP dashboard", Role.TeamLeader, $"/Measurement/Lep?period={SweepQuarter}&rows=disability&columns=priority-family", (page, _) => DashboardChartsDrawn(page)),
        new("LEP dashboard, bad filters", Role.LepManager, "/Measurement/Lep?period=2099-Q1&target=nobody"),
        new("National dashboard", Role.NationalAnalyst, $"/Measurement/National?period={SweepQuarter}", (page, _) => DashboardChartsDrawn(page)),
        new("You said, we did", Role.LepManager, "/YouSaidWeDid"),
        new("Record a change made because of feedback, empty form", Role.TeamLeader, "/YouSaidWeDid/Create", (page, _) => Submit(page, "Record the change")),
        new("Customer journey map", Role.TeamLeader, "/Journeys"),
        new("Service Standards self-assessment, partner worker", Role.PartnerWorker, "/Standards"),
        new("Service Standards self-assessment, LEP manager", Role.LepManager, "/Standards"),
        new("A Service Standards self-assessment, submitted with no ratings", Role.PartnerWorker, "/Standards", async (page, _) =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Start the self-assessment" }).ClickAsync();
            await Submit(page, "Submit for review");
        }),
        new("Self-assessment and improvement plan", Role.LepManager, "/Improvement"),
        new("Add an improvement action, empty form", Role.LepManager, "/Improvement/Actions/Create", (page, _) => Submit(page, "Add the action")),
        // Delivery plans
        new("Delivery plans", Role.LepManager, "/DeliveryPlans"),
        new("Start a delivery plan", Role.LepManager, "/DeliveryPlans/Create"),
        new("Start a delivery plan, empty form", Role.LepManager, "/DeliveryPlans/Create", (page, _) => Submit(page, "Start the plan")),
        new("A delivery plan, with its Annex 2 and 3", Role.LepManager, "/DeliveryPlans/Create", StartPlanAsync),
        new("A plan's membership section", Role.LepManager, "/DeliveryPlans/Create", async (page, world) =>
        {
            await StartPlanAsync(page, world);
            await page.GetByRole(AriaRole.Link, new() { Name = "Change 1.2 Membership" }).ClickAsync();
            await Submit(page, "Add the member");
        }),
        new("An Annex 2 row, empty form", Role.LepManager, "/DeliveryPlans/Create", async (page, world) =>
        {
            await StartPlanAsync(page, world);
            await page.GetByRole(AriaRole.Link, new() { Name = "Add a row to Annex 2" }).ClickAsync();
            await Submit(page, "Save the row");
        }),
        new("Annex 3", Role.LepManager, "/DeliveryPlans/Create", async (page, world) =>
        {
            await StartPlanAsync(page, world);
            await page.GetByRole(AriaRole.Link, new() { Name = "Change Annex 3" }).ClickAsync();
        }),
        new("Import Annex 2, no file", Role.LepManager, "/DeliveryPlans/Create", async (page, world) =>
        {
            await StartPlanAsync(page, world);
            await page.GetByRole(AriaRole.Link, new() { Name = "Import Annex 2 from a workbook" }).ClickAsync();
            await Submit(page, "Import");
        }),
        new("Plan comments", Role.LepManager, "/DeliveryPlans/Create", async (page, world) =>
        {
            await StartPlanAsync(page, world);
            await page.GetByRole(AriaRole.Link, new() { Name = "Comments (0)" }).ClickAsync();
        }),
        // Equality gaps, reference data and national statistics (issue 9)
        new("Population figures", Role.Administrator, "/Admin/Reference/Population"),
        new("Population figures, empty form", Role.Administrator, "/Admin/Reference/Population", (page, _) => Submit(page, "Load the figures")),
        new("SIMD postcode lookup", Role.Administrator, "/Admin/Reference/Simd"),
        new("SIMD postcode lookup, empty form", Role.Administrator, "/Admin/Reference/Simd", (page, _) => Submit(page, "Load the figures")),
        new("Equality gaps, LEP manager", Role.LepManager, "/Measurement/Gaps"),
        new("Equality gaps, national analyst", Role.NationalAnalyst, "/Measurement/Gaps?Lep=S12000049"),
        new("National statistics", Role.NationalAnalyst, "/Measurement/Publications"),
        new("A draft of a quarter, to check before a second analyst approves it", Role.NationalAnalyst, "/Measurement/Publications", async (page, _) =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Prepare a draft to check" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Draft of");
        }),
    ];

    private static async Task StartPlanAsync(IPage page, SweepWorld world)
    {
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync($"Sweep plan {Guid.NewGuid():N}");
        await page.GetByLabel("Delivery plan", new() { Exact = true }).ChooseAsync();
        await page.GetByLabel("Starts on").FillAsync("2025-04-01");
        await page.GetByLabel("Ends on").FillAsync("2028-03-31");
        // A valid form: no error summary to wait for, so not Submit.
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the plan", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Section 1: Introduction" })).ToBeVisibleAsync();
    }

    public static TheoryData<string> Names => [.. All.Select(p => p.Name)];

    private static string SweepQuarter => Nolb.Web.Domain.Measurement.ReportingPeriod.QuarterContaining(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-60)).Label;

    /// <summary>A dashboard's charts have been drawn from their tables, so axe checks the page as a reader with JavaScript sees it.</summary>
    internal static async Task DashboardChartsDrawn(IPage page)
    {
        await Expect(page.Locator("figure[data-chart-for]").First).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => window.Chart && [...document.querySelectorAll('figure[data-chart-for] canvas')].some(c => window.Chart.getChart(c))");
    }

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
        if (entry.Status == 200 && entry.As is not null)
        {
            // Signed in, on the page meant (not bounced to sign-in or access denied).
            await Expect(session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
            Assert.DoesNotContain("/Account/", session.Page.Url, StringComparison.Ordinal);
        }

        if (entry.Then is not null)
        {
            await entry.Then(session.Page, world);
            if (entry.As is not null)
            {
                Assert.DoesNotContain("/Account/", session.Page.Url, StringComparison.Ordinal);
            }
        }

        await session.AssertAccessibleAsync(name);
    }

    [Fact]
    public void Every_sweep_entry_has_a_unique_name() =>
        Assert.Equal(All.Count, All.Select(p => p.Name).Distinct().Count());

    /// <summary>The distance-travelled chart has been drawn (its figure is shown only once Chart.js has drawn it).</summary>
    private static async Task ChartDrawn(IPage page)
    {
        await Expect(page.Locator("#distance-chart-figure")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => window.Chart && window.Chart.getChart('distance-chart') !== undefined");
    }

    /// <summary>Submits the form as it is and waits for the answer: the page again, with its error summary.</summary>
    private static async Task Submit(IPage page, string button)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" })).ToBeVisibleAsync();
    }
}
