using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Tests.Security;

/// <summary>
/// Every Razor page and every /api/v1 endpoint the app maps × every role × a record of the user's own LEP and
/// one of another LEP, with the expected answers written out in one table. The table is checked against the
/// app's own endpoint list, so a new page or endpoint without a row fails the suite.
/// Expected: anonymous → sign-in (pages) or 401 (API); a role without the permission → access denied (pages)
/// or 403 (API), or 404 where the record decides who may see it; another LEP's record → 404.
/// Mutations are sent by allowed roles with a malformed body, so passing authorization shows as 400 and nothing is written.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixFactory app) : IClassFixture<AuthorizationMatrixFactory>
{
    /// <summary>How a role that may not use the route is refused.</summary>
    public enum Refusal
    {
        /// <summary>The permission check: access denied page, or 403.</summary>
        Forbidden,

        /// <summary>The record decides (no permission on the route): 404, or 403 when the user may see but not act.</summary>
        ForbiddenOrNotFound,
    }

    public sealed record Row(string Key, string Url, Role[] Allowed, bool Tenanted = false, bool Anonymous = false, Refusal Refused = Refusal.Forbidden)
    {
        public bool IsPage => Key.StartsWith("PAGE ", StringComparison.Ordinal);
        public string Method => IsPage ? "GET" : Key[..Key.IndexOf(' ', StringComparison.Ordinal)];
        /// <summary>What a GET answers a user who may use the route (a page may answer with its own status).</summary>
        public HttpStatusCode Answer { get; init; } = HttpStatusCode.OK;

        /// <summary>
        /// What a change answers a user who may use the route: 400 for the malformed body, or, for a command without a body
        /// (submit, approve, remove), the refusal the record's state gives (409), so nothing is written either way.
        /// </summary>
        public HttpStatusCode ChangeAnswer { get; init; } = HttpStatusCode.BadRequest;
        public override string ToString() => Key;
    }

    private static readonly Role[] SignedIn = Enum.GetValues<Role>();
    private static readonly Role[] Admin = [Role.Administrator];
    private static readonly Role[] Governance = [Role.Administrator, Role.InformationGovernance];
    private static readonly Role[] CaseWorkers = [Role.KeyWorker, Role.TeamLeader];
    private static readonly Role[] TeamLeaders = [Role.TeamLeader];
    private static readonly Role[] Partners = [Role.PartnerWorker];
    private static readonly Role[] BetterOffUsers = [Role.KeyWorker, Role.TeamLeader, Role.PartnerWorker, Role.EmployerEngagementOfficer];
    private static readonly Role[] OrganisationReaders =
        [Role.KeyWorker, Role.TeamLeader, Role.PartnerWorker, Role.EmployerEngagementOfficer, Role.LepManager, Role.Administrator];
    private static readonly Role[] DirectoryManagers = [Role.LepManager, Role.Administrator];
    private static readonly Role[] EmployerReaders = [Role.KeyWorker, Role.TeamLeader, Role.EmployerEngagementOfficer, Role.LepManager];
    private static readonly Role[] EmployerOfficers = [Role.EmployerEngagementOfficer];
    private static readonly Role[] Matchers = [Role.KeyWorker, Role.TeamLeader, Role.EmployerEngagementOfficer];
    private static readonly Role[] IncentiveApprovers = [Role.LepManager];
    private static readonly Role[] LepManagers = [Role.LepManager];
    private static readonly Role[] Participants = [Role.Participant];
    private static readonly Role[] StatisticsReaders = [Role.TeamLeader, Role.LepManager, Role.NationalAnalyst];
    private static readonly Role[] NationalAnalysts = [Role.NationalAnalyst];
    private static readonly Role[] FeedbackManagers = [Role.TeamLeader, Role.LepManager];
    private static readonly Role[] SelfAssessors = [Role.PartnerWorker, Role.LepManager];
    private static readonly Role[] ReferralViewers = [Role.KeyWorker, Role.TeamLeader, Role.PartnerWorker];

    private static Row Page(string path, string url, Role[] allowed, bool tenanted = false, Refusal refused = Refusal.Forbidden) =>
        new($"PAGE {path}", url, allowed, tenanted, Refused: refused);

    private static Row Open(string path, string url, HttpStatusCode answer = HttpStatusCode.OK) =>
        new($"PAGE {path}", url, SignedIn, Anonymous: true) { Answer = answer };

    private static Row Api(string method, string pattern, string url, Role[] allowed, bool tenanted = false, Refusal refused = Refusal.Forbidden) =>
        new($"{method} {pattern}", url, allowed, tenanted, Refused: refused);

    /// <summary>The one table. Braces in a URL name a record of the user's LEP (or, for the tenancy check, of another LEP).</summary>
    public static readonly Row[] Matrix =
    [
        Open("/Index", "/"),
        Open("/Account/AccessDenied", "/Account/AccessDenied", HttpStatusCode.Forbidden),
        Open("/Account/SignIn", "/Account/SignIn"),
        Open("/Account/SignedOut", "/Account/SignedOut"),
        Open("/Errors/Error", "/Error/404", HttpStatusCode.NotFound),
        Open("/Account/SignOut", "/Account/SignOut", HttpStatusCode.Redirect),
        Open("/Account/ForgotPassword", "/Account/ForgotPassword"),
        Open("/Account/ResetPassword", "/Account/ResetPassword"),
        Page("/Account/SignOutEverywhere", "/Account/SignOutEverywhere", SignedIn),
        Page("/Account/KeepAlive", "/Account/KeepAlive", SignedIn),
        Open("/Account/SignInCode", "/Account/SignInCode", HttpStatusCode.Redirect),
        Open("/Account/ExternalSignIn", "/Account/ExternalSignIn"),
        Page("/TwoFactor/Index", "/TwoFactor", SignedIn),
        Page("/TwoFactor/SetUp", "/TwoFactor/SetUp", SignedIn),
        Page("/TwoFactor/RecoveryCodes", "/TwoFactor/RecoveryCodes", SignedIn),
        Page("/TwoFactor/SwitchOff", "/TwoFactor/SwitchOff", SignedIn.Where(r => !r.RequiresTwoFactor()).ToArray()),
        Page("/ActionPlans/Add", "/Engagements/{engagement}/ActionPlan/Add", CaseWorkers, tenanted: true),
        Page("/ActionPlans/Edit", "/Engagements/{engagement}/ActionPlan/{item}/Edit", CaseWorkers, tenanted: true),
        Page("/ActionPlans/Index", "/Engagements/{engagement}/ActionPlan", CaseWorkers, tenanted: true),
        Page("/ActionPlans/Print", "/Engagements/{engagement}/ActionPlan/Print", CaseWorkers, tenanted: true),
        Page("/ActionPlans/Review", "/Engagements/{engagement}/ActionPlan/Review", CaseWorkers, tenanted: true),
        Page("/Admin/Audit/Index", "/Admin/Audit", Governance),
        Page("/Admin/Audit/Unusual", "/Admin/Audit/Unusual", Governance),
        Page("/DataRights/Index", "/DataRights", Governance),
        Page("/DataRights/SubjectAccess", "/DataRights/Person/{participant}/SubjectAccess", Governance),
        Page("/DataRights/Erasure", "/DataRights/Person/{participant}/Erasure", Governance),
        Page("/DataRights/Retention", "/DataRights/Retention", Governance),
        Page("/Admin/Interventions/Index", "/Admin/Interventions", Admin),
        Page("/Admin/Occupations/Index", "/Admin/Occupations", Admin),
        Page("/Admin/Users/Create", "/Admin/Users/Create", Admin),
        Page("/Admin/Users/Edit", "/Admin/Users/Edit/{user}", Admin),
        Page("/Admin/Users/Index", "/Admin/Users", Admin),
        Page("/Admin/SingleSignOn/Index", "/Admin/SingleSignOn", Admin),
        Page("/Appointments/Appointment", "/Participants/Engagements/{engagement}/Appointments/{appointment}", CaseWorkers, tenanted: true),
        Page("/Appointments/Diary", "/Appointments/Diary", CaseWorkers),
        Page("/Assessments/DistanceTravelled", "/Engagements/{engagement}/DistanceTravelled", CaseWorkers, tenanted: true),
        Page("/Assessments/Index", "/Engagements/{engagement}/Assessments", CaseWorkers, tenanted: true),
        Page("/Assessments/New", "/Engagements/{engagement}/Assessments/New", CaseWorkers, tenanted: true),
        Page("/BetterOffInWork/Index", "/BetterOffInWork", BetterOffUsers),
        Page("/CaseNotes/Note", "/Participants/Engagements/{engagement}/Notes", CaseWorkers, tenanted: true),
        Page("/Caseload/Index", "/Caseload", CaseWorkers),
        Page("/CaseloadImport/Index", "/CaseloadImport", LepManagers),
        Page("/CaseloadImport/Columns", "/CaseloadImport/{importrun}/Columns", LepManagers, tenanted: true),
        Page("/CaseloadImport/Values", "/CaseloadImport/{importrun}/Values", LepManagers, tenanted: true),
        Page("/CaseloadImport/Run", "/CaseloadImport/{importrun}", LepManagers, tenanted: true),
        Page("/Employers/Create", "/Employers/Create", EmployerOfficers),
        Page("/Employers/Details", "/Employers/Details/{employer}", EmployerReaders, tenanted: true),
        Page("/Employers/Edit", "/Employers/Edit/{employer}", EmployerOfficers, tenanted: true),
        Page("/Employers/Index", "/Employers", EmployerReaders),
        Page("/Employers/Preferences", "/Participants/{participant}/JobGoals", CaseWorkers, tenanted: true),
        Page("/Incentives/Create", "/Incentives/Create", EmployerOfficers),
        Page("/Incentives/Details", "/Incentives/Details/{incentive}", EmployerReaders, tenanted: true),
        Page("/Incentives/Index", "/Incentives", EmployerReaders),
        Page("/Incentives/Scheme", "/Incentives/Scheme", IncentiveApprovers),
        Page("/Interventions/Intervention", "/Participants/Engagements/{engagement}/Interventions/{intervention}", CaseWorkers, tenanted: true),
        Page("/Organisations/Create", "/Organisations/Create", Admin),
        Page("/Organisations/Edit", "/Organisations/Edit/{organisation}", Admin),
        Page("/Organisations/Index", "/Organisations", OrganisationReaders),
        Page("/Outcomes/Add", "/Engagements/{engagement}/Outcomes/Add", CaseWorkers, tenanted: true),
        Page("/Outcomes/Aftercare", "/Engagements/{engagement}/Aftercare/Add", CaseWorkers, tenanted: true),
        Page("/Outcomes/Check", "/Sustainment/Checks/{check}", CaseWorkers, tenanted: true),
        Page("/Outcomes/Due", "/Sustainment", CaseWorkers),
        Page("/Outcomes/Index", "/Engagements/{engagement}/Outcomes", CaseWorkers, tenanted: true),
        Page("/Participants/CloseEngagement", "/Participants/Engagements/{engagement}/Close", CaseWorkers, tenanted: true),
        Page("/Participants/Edit", "/Participants/{participant}/Edit", CaseWorkers, tenanted: true),
        Page("/Participants/Index", "/Participants", CaseWorkers),
        Page("/Participants/MoveStage", "/Participants/Engagements/{engagement}/MoveStage", CaseWorkers, tenanted: true),
        Page("/Participants/Reassign", "/Participants/Engagements/{engagement}/Reassign", TeamLeaders, tenanted: true),
        Page("/Participants/Record", "/Participants/{participant}", CaseWorkers, tenanted: true),
        Page("/Participants/RecordConsent", "/Participants/{participant}/Consents/Record", CaseWorkers, tenanted: true),
        Page("/Participants/Register", "/Participants/Register", CaseWorkers),
        Page("/Participants/StartEngagement", "/Participants/{participant}/StartEngagement", CaseWorkers, tenanted: true),
        Page("/Participants/Transfer", "/Participants/{participant}/Transfer", TeamLeaders, tenanted: true),
        Page("/Participants/WithdrawConsent", "/Participants/{participant}/Consents/{consent}/Withdraw", CaseWorkers, tenanted: true),
        Page("/Placements/Create", "/Placements/Create", EmployerOfficers),
        Page("/Placements/Index", "/Placements", EmployerReaders),
        Page("/Referrals/Details", "/Referrals/{referral}", ReferralViewers, tenanted: true, Refusal.ForbiddenOrNotFound),
        Page("/Referrals/Inbox", "/Referrals/Inbox", Partners),
        Page("/Referrals/Refer", "/Participants/{participant}/Refer", CaseWorkers, tenanted: true),
        Page("/Referrals/Summary", "/Referrals/{referral}/Summary", CaseWorkers, tenanted: true),
        Page("/Referrals/Triage", "/Referrals/Triage", TeamLeaders),
        Page("/ServiceDirectory/Create", "/Directory/Services/Create", DirectoryManagers),
        Page("/ServiceDirectory/Edit", "/Directory/Services/{service}/Edit", DirectoryManagers, tenanted: true),
        Page("/ServiceDirectory/Import", "/Directory/Import", DirectoryManagers),
        Page("/ServiceDirectory/Index", "/Directory", OrganisationReaders),
        Page("/ServiceDirectory/Service", "/Directory/Services/{service}", OrganisationReaders, tenanted: true),
        Page("/ServiceDirectory/SupplyMap", "/Directory/SupplyMap", OrganisationReaders),
        Page("/Vacancies/Create", "/Vacancies/Create", EmployerOfficers),
        Page("/Vacancies/Details", "/Vacancies/Details/{vacancy}", EmployerReaders, tenanted: true),
        Page("/Vacancies/Edit", "/Vacancies/Edit/{vacancy}", EmployerOfficers, tenanted: true),
        Page("/Vacancies/Index", "/Vacancies", EmployerReaders),
        Page("/Vacancies/Occupations", "/Vacancies/Occupations", EmployerReaders),

        new("POST /api/v1/auth/login", "/api/v1/auth/login", SignedIn, Anonymous: true),
        new("POST /api/v1/auth/refresh", "/api/v1/auth/refresh", SignedIn, Anonymous: true),
        new("POST /api/v1/auth/revoke", "/api/v1/auth/revoke", SignedIn, Anonymous: true),
        new("GET /api/v1/leps", "/api/v1/leps", SignedIn, Anonymous: true),
        new("GET /api/v1/leps/{code}", "/api/v1/leps/S12000049", SignedIn, Anonymous: true),
        Api("GET", "/api/v1/me", "/api/v1/me", SignedIn),
        Api("GET", "/api/v1/reference/interventions", "/api/v1/reference/interventions", SignedIn),
        Api("GET", "/api/v1/users/", "/api/v1/users", Admin),
        Api("GET", "/api/v1/users/{id:guid}", "/api/v1/users/{user}", Admin),
        Api("POST", "/api/v1/users/", "/api/v1/users", Admin),
        Api("GET", "/api/v1/organisations/", "/api/v1/organisations", OrganisationReaders),
        Api("GET", "/api/v1/organisations/{id:guid}", "/api/v1/organisations/{organisation}", OrganisationReaders, tenanted: true),
        Api("POST", "/api/v1/organisations/", "/api/v1/organisations", Admin),
        Api("GET", "/api/v1/participants/", "/api/v1/participants", CaseWorkers),
        Api("POST", "/api/v1/participants/", "/api/v1/participants", CaseWorkers),
        Api("GET", "/api/v1/participants/{id:guid}", "/api/v1/participants/{participant}", CaseWorkers, tenanted: true),
        Api("PUT", "/api/v1/participants/{id:guid}", "/api/v1/participants/{participant}", CaseWorkers, tenanted: true),
        Api("POST", "/api/v1/participants/{id:guid}/consents", "/api/v1/participants/{participant}/consents", CaseWorkers, tenanted: true),
        Api("POST", "/api/v1/participants/{id:guid}/consents/{consentId:guid}/withdraw", "/api/v1/participants/{participant}/consents/{consent}/withdraw", CaseWorkers, tenanted: true),
        Api("POST", "/api/v1/participants/{id:guid}/transfer", "/api/v1/participants/{participant}/transfer", TeamLeaders, tenanted: true),
        Api("POST", "/api/v1/participants/{id:guid}/engagements", "/api/v1/participants/{participant}/engagements", CaseWorkers, tenanted: true),
        Api("GET", "/api/v1/participants/{id:guid}/job-preferences", "/api/v1/participants/{participant}/job-preferences", CaseWorkers, tenanted: true),
        Api("PUT", "/api/v1/participants/{id:guid}/job-preferences", "/api/v1/participants/{participant}/job-preferences", CaseWorkers, tenanted: true),
        Api("GET", "/api/v1/participants/{id:guid}/matches", "/api/v1/participants/{participant}/matches", CaseWorkers, tenanted: true),
        Api("GET", "/api/v1/engagements/{id:guid}", "/api/v1/engagements/{engagement}", CaseWorkers, tenanted: true),
        Api("POST", "/api/v1/engagements/{id:guid}/stage", "/api/v1/engagements/{engagement}/stage", CaseWorkers, tenanted: true),
        Api("POST", "/api/v1/engagements/{id:guid}/close", "/api/v1/engagements/{engagement}/close", CaseWorkers, tenanted: true),
        Api("POST", "/api/v1/engagements/{id:guid}/reassign", "/api/v1/engagements/{engagement}/reassign", TeamLeaders, tenanted: true),
        Api("GET", "/api/v1/engagements/{id:guid}/assessments/", "/api/v1/engagements/{engagement}/assessments", CaseWorkers, tenanted: true),
        Api("POST", "/api/v1/engagements/{id:guid}/assessments/", "/api/v1/engagements/{engagement}/assessments", CaseWorkers, tenanted: true),
        Api("GET", "/api/v1/engagements/{id:guid}/action-plan/", "/api/v1/engagements/{engagement}/action-plan", CaseWorkers, tenanted: true),
        Api("PUT", "/api/v1/engagements/{id:guid}/action-plan/", "/api/v1/engagements/{engagement}/action-plan", CaseWorkers, tenanted: true),
        Api("POST", "/api/v1/engagements/{id:guid}/action-plan/items", "/api/v1/engagements/{engagement}/action-plan/items", CaseWorkers, tenanted: true),
        Api("PUT", "/api/v1/engagements/{id:guid}/action-plan/items/{itemId:guid}", "/api/v1/engagements/{engagement}/action-plan/items/{item}", CaseWorkers, tenanted: true),
        Api("GET", "/api/v1/engagements/{engagementId:guid}/interventions/", "/api/v1/engagements/{engagement}/interventions", CaseWorkers, tenanted: true),
        Api("GET", "/api/v1/engagements/{engagementId:guid}/interventions/{id:guid}", "/api/v1/engagements/{engagement}/interventions/{intervention}", CaseWorkers, tenanted: true),
        Api("POST", "/api/v1/engagements/{engagementId:guid}/interventions/", "/api/v1/engagements/{engagement}/interventions", CaseWorkers, tenanted: true),
        Api("PUT", "/api/v1/engagements/{engagementId:guid}/interventions/{id:guid}", "/api/v1/engagements/{engagement}/interventions/{intervention}", CaseWorkers, tenanted: true),
        Api("GET", "/api/v1/engagements/{engagementId:guid}/notes/", "/api/v1/engagements/{engagement}/notes", CaseWorkers, tenanted: true),
        Api("GET", "/api/v1/engagements/{engagementId:guid}/notes/{id:guid}", "/api/v1/engagements/{engagement}/notes/{note}", CaseWorkers, tenanted: true),
        Api("POST", "/api/v1/engagements/{engagementId:guid}/notes/", "/api/v1/engagements/{engagement}/notes", CaseWorkers, tenanted: true),
        Api("PUT", "/api/v1/engagements/{engagementId:guid}/notes/{id:guid}", "/api/v1/engagements/{engagement}/notes/{note}", CaseWorkers, tenanted: true),
        Api("GET", "/api/v1/engagements/{engagementId:guid}/appointments/", "/api/v1/engagements/{engagement}/appointments", CaseWorkers, tenanted: true),
        Api("GET", "/api/v1/engagements/{engagementId:guid}/appointments/{id:guid}", "/api/v1/engagements/{engagement}/appointments/{appointment}", CaseWorkers, tenanted: true),
        Api("POST", "/api/v1/engagements/{engagementId:guid}/appointments/", "/api/v1/engagements/{engagement}/appointments", CaseWorkers, tenanted: true),
        Api("PUT", "/api/v1/engagements/{engagementId:guid}/appointments/{id:guid}", "/api/v1/engagements/{engagement}/appointments/{appointment}", CaseWorkers, tenanted: true),
        Api("GET", "/api/v1/engagements/{id:guid}/outcomes", "/api/v1/engagements/{engagement}/outcomes", CaseWorkers, tenanted: true),
        Api("POST", "/api/v1/engagements/{id:guid}/outcomes", "/api/v1/engagements/{engagement}/outcomes", CaseWorkers, tenanted: true),
        Api("POST", "/api/v1/engagements/{id:guid}/aftercare", "/api/v1/engagements/{engagement}/aftercare", CaseWorkers, tenanted: true),
        Api("GET", "/api/v1/sustainment/due", "/api/v1/sustainment/due", CaseWorkers),
        Api("PUT", "/api/v1/sustainment/checks/{checkId:guid}", "/api/v1/sustainment/checks/{check}", CaseWorkers, tenanted: true),
        Api("POST", "/api/v1/better-off", "/api/v1/better-off", BetterOffUsers),
        Api("GET", "/api/v1/directory/services", "/api/v1/directory/services", OrganisationReaders),
        Api("GET", "/api/v1/directory/services/{id:guid}", "/api/v1/directory/services/{service}", OrganisationReaders, tenanted: true),
        Api("POST", "/api/v1/directory/services", "/api/v1/directory/services", DirectoryManagers),
        Api("PUT", "/api/v1/directory/services/{id:guid}", "/api/v1/directory/services/{service}", DirectoryManagers, tenanted: true),
        Api("POST", "/api/v1/directory/import", "/api/v1/directory/import", DirectoryManagers),
        Api("GET", "/api/v1/directory/export", "/api/v1/directory/export?format=hsds-json", OrganisationReaders),
        Api("POST", "/api/v1/referrals/", "/api/v1/referrals", CaseWorkers),
        Api("POST", "/api/v1/referrals/inbound", "/api/v1/referrals/inbound", Partners),
        Api("GET", "/api/v1/referrals/inbox", "/api/v1/referrals/inbox", Partners),
        Api("GET", "/api/v1/referrals/outbox", "/api/v1/referrals/outbox", [Role.KeyWorker, Role.TeamLeader, Role.PartnerWorker]),
        Api("GET", "/api/v1/referrals/triage", "/api/v1/referrals/triage", TeamLeaders),
        Api("GET", "/api/v1/referrals/{id:guid}", "/api/v1/referrals/{referral}", ReferralViewers, tenanted: true, Refusal.ForbiddenOrNotFound),
        Api("POST", "/api/v1/referrals/{id:guid}/accept", "/api/v1/referrals/{referral}/accept", Partners, tenanted: true, Refusal.ForbiddenOrNotFound),
        Api("POST", "/api/v1/referrals/{id:guid}/decline", "/api/v1/referrals/{referral}/decline", Partners, tenanted: true, Refusal.ForbiddenOrNotFound),
        Api("POST", "/api/v1/referrals/{id:guid}/first-contact", "/api/v1/referrals/{referral}/first-contact", Partners, tenanted: true, Refusal.ForbiddenOrNotFound),
        Api("POST", "/api/v1/referrals/{id:guid}/complete", "/api/v1/referrals/{referral}/complete", Partners, tenanted: true, Refusal.ForbiddenOrNotFound),
        Api("POST", "/api/v1/referrals/{id:guid}/allocate", "/api/v1/referrals/{referral}/allocate", TeamLeaders, tenanted: true),
        Api("GET", "/api/v1/employers/", "/api/v1/employers", EmployerReaders),
        Api("POST", "/api/v1/employers/", "/api/v1/employers", EmployerOfficers),
        Api("GET", "/api/v1/employers/{id:guid}", "/api/v1/employers/{employer}", EmployerReaders, tenanted: true),
        Api("PUT", "/api/v1/employers/{id:guid}", "/api/v1/employers/{employer}", EmployerOfficers, tenanted: true),
        Api("POST", "/api/v1/employers/{id:guid}/activities", "/api/v1/employers/{employer}/activities", EmployerOfficers, tenanted: true),
        Api("GET", "/api/v1/vacancies/", "/api/v1/vacancies", EmployerReaders),
        Api("POST", "/api/v1/vacancies/", "/api/v1/vacancies", EmployerOfficers),
        Api("GET", "/api/v1/vacancies/{id:guid}", "/api/v1/vacancies/{vacancy}", EmployerReaders, tenanted: true),
        Api("PUT", "/api/v1/vacancies/{id:guid}", "/api/v1/vacancies/{vacancy}", EmployerOfficers, tenanted: true),
        Api("GET", "/api/v1/vacancies/{id:guid}/matches", "/api/v1/vacancies/{vacancy}/matches", Matchers, tenanted: true),
        Api("GET", "/api/v1/occupations", "/api/v1/occupations", EmployerReaders),
        Api("GET", "/api/v1/placements/", "/api/v1/placements", EmployerReaders),
        Api("POST", "/api/v1/placements/", "/api/v1/placements", EmployerOfficers),
        Api("PUT", "/api/v1/placements/{id:guid}", "/api/v1/placements/{placement}", EmployerOfficers, tenanted: true),
        Api("GET", "/api/v1/incentives/", "/api/v1/incentives", EmployerReaders),
        Api("POST", "/api/v1/incentives/", "/api/v1/incentives", EmployerOfficers),
        Api("GET", "/api/v1/incentives/schemes", "/api/v1/incentives/schemes", EmployerReaders),
        Api("PUT", "/api/v1/incentives/schemes/{year:int}", "/api/v1/incentives/schemes/{year}", IncentiveApprovers),
        Api("GET", "/api/v1/incentives/{id:guid}", "/api/v1/incentives/{incentive}", EmployerReaders, tenanted: true),
        Api("POST", "/api/v1/incentives/{id:guid}/decision", "/api/v1/incentives/{incentive}/decision", IncentiveApprovers, tenanted: true),
        Api("POST", "/api/v1/incentives/{id:guid}/payments/{paymentId:guid}", "/api/v1/incentives/{incentive}/payments/{payment}", IncentiveApprovers, tenanted: true),

        // Commissioning, delivery plans, measurement, the participant's own view and Customer Charter feedback:
        // the routes that need no record of their own (the rest wait in AwaitingRows below).
        Page("/Commissioning/Index", "/Commissioning", [Role.PartnerWorker, Role.LepManager]),
        Page("/Commissioning/Create", "/Commissioning/Create", LepManagers),
        Page("/Commissioning/Allocation", "/Commissioning/Allocation", LepManagers),
        Page("/Commissioning/Decision", "/Commissioning/Decision", LepManagers),
        Page("/DeliveryPlans/Index", "/DeliveryPlans", LepManagers),
        Page("/DeliveryPlans/Create", "/DeliveryPlans/Create", LepManagers),
        Page("/Feedback/Results", "/Feedback/Results", [Role.TeamLeader, Role.LepManager]),
        Page("/Feedback/Charter", "/Feedback/Charter", [Role.TeamLeader, Role.LepManager, Role.Administrator]),
        Page("/Me/Index", "/Me", Participants),
        Page("/Me/AddGoal", "/Me/AddGoal", Participants),
        Page("/Me/Data", "/Me/Data", Participants),
        Page("/Me/Feedback", "/Me/Feedback", Participants),
        Page("/Measurement/Indicators", "/Measurement/Indicators", SignedIn),
        Open("/Measurement/DisclosureControl", "/Measurement/DisclosureControl"),
        Page("/Measurement/Dashboard", "/Measurement/Dashboard", CaseWorkers),
        Page("/Measurement/Lep", "/Measurement/Lep", [Role.TeamLeader, Role.LepManager]),
        Page("/Measurement/National", "/Measurement/National", [Role.NationalAnalyst]),
        Page("/Referrals/Outbox", "/Referrals/Outbox", [Role.KeyWorker, Role.TeamLeader, Role.PartnerWorker]),
        Api("GET", "/api/v1/funding/", "/api/v1/funding", LepManagers),
        Api("GET", "/api/v1/funding/decisions", "/api/v1/funding/decisions", LepManagers),
        Api("GET", "/api/v1/contracts/", "/api/v1/contracts", [Role.PartnerWorker, Role.LepManager]),
        Api("GET", "/api/v1/plans/", "/api/v1/plans", LepManagers),
        Api("GET", "/api/v1/feedback/results", "/api/v1/feedback/results", [Role.TeamLeader, Role.LepManager]),
        Api("GET", "/api/v1/statistics/national", "/api/v1/statistics/national?quarter=2025-Q3", [Role.NationalAnalyst]),
        Api("GET", "/api/v1/dashboards/caseload", "/api/v1/dashboards/caseload", CaseWorkers),
        Api("GET", "/api/v1/dashboards/lep", "/api/v1/dashboards/lep", [Role.TeamLeader, Role.LepManager]),
        Api("GET", "/api/v1/dashboards/national", "/api/v1/dashboards/national", [Role.NationalAnalyst]),
        Api("GET", "/api/v1/me/plan", "/api/v1/me/plan", Participants),
        Api("GET", "/api/v1/me/data", "/api/v1/me/data", Participants),
        new("GET /api/v1/indicators/", "/api/v1/indicators", SignedIn, Anonymous: true),

        // Delivery plans: {plan} is approved, so the workflow commands are refused by its state (409) and write nothing;
        // {draftplan} is a draft, which cannot be revised.
        Page("/DeliveryPlans/Plan", "/DeliveryPlans/Plan/{plan}", LepManagers, tenanted: true),
        Page("/DeliveryPlans/Section", "/DeliveryPlans/Section/{plan}/Sections/1.2", LepManagers, tenanted: true),
        Page("/DeliveryPlans/Requirement", "/DeliveryPlans/Requirement/{plan}/Annex2/{row}", LepManagers, tenanted: true),
        Page("/DeliveryPlans/Import", "/DeliveryPlans/Import/{plan}/Annex2/Import", LepManagers, tenanted: true),
        Page("/DeliveryPlans/Annex3", "/DeliveryPlans/Annex3/{plan}/Annex3", LepManagers, tenanted: true),
        Page("/DeliveryPlans/Comments", "/DeliveryPlans/Comments/{plan}/Comments", LepManagers, tenanted: true),
        Page("/DeliveryPlans/Versions", "/DeliveryPlans/Versions/{plan}/Versions", LepManagers, tenanted: true),
        Api("POST", "/api/v1/plans/", "/api/v1/plans", LepManagers),
        Api("GET", "/api/v1/plans/{id:guid}", "/api/v1/plans/{plan}", LepManagers, tenanted: true),
        Api("PUT", "/api/v1/plans/{id:guid}/sections/{key}", "/api/v1/plans/{plan}/sections/1.1", LepManagers, tenanted: true),
        Api("POST", "/api/v1/plans/{id:guid}/members", "/api/v1/plans/{plan}/members", LepManagers, tenanted: true),
        Api("DELETE", "/api/v1/plans/{id:guid}/members/{memberId:guid}", "/api/v1/plans/{plan}/members/{member}", LepManagers, tenanted: true) with { ChangeAnswer = HttpStatusCode.Conflict },
        Api("POST", "/api/v1/plans/{id:guid}/governance", "/api/v1/plans/{plan}/governance", LepManagers, tenanted: true),
        Api("DELETE", "/api/v1/plans/{id:guid}/governance/{linkId:guid}", "/api/v1/plans/{plan}/governance/{link}", LepManagers, tenanted: true) with { ChangeAnswer = HttpStatusCode.Conflict },
        Api("POST", "/api/v1/plans/{id:guid}/comments", "/api/v1/plans/{plan}/comments", LepManagers, tenanted: true),
        Api("POST", "/api/v1/plans/{id:guid}/submit", "/api/v1/plans/{plan}/submit", LepManagers, tenanted: true) with { ChangeAnswer = HttpStatusCode.Conflict },
        Api("POST", "/api/v1/plans/{id:guid}/return", "/api/v1/plans/{plan}/return", LepManagers, tenanted: true) with { ChangeAnswer = HttpStatusCode.Conflict },
        Api("POST", "/api/v1/plans/{id:guid}/revise", "/api/v1/plans/{draftplan}/revise", LepManagers, tenanted: true) with { ChangeAnswer = HttpStatusCode.Conflict },
        Api("POST", "/api/v1/plans/{id:guid}/approve", "/api/v1/plans/{plan}/approve", LepManagers, tenanted: true) with { ChangeAnswer = HttpStatusCode.Conflict },
        Api("GET", "/api/v1/plans/{id:guid}/versions", "/api/v1/plans/{plan}/versions", LepManagers, tenanted: true),
        Api("GET", "/api/v1/plans/{id:guid}/versions/{number:int}", "/api/v1/plans/{plan}/versions/1", LepManagers, tenanted: true),
        Api("GET", "/api/v1/plans/{id:guid}/diff", "/api/v1/plans/{plan}/diff?from=1&to=1", LepManagers, tenanted: true),
        Api("GET", "/api/v1/plans/{id:guid}/annex2", "/api/v1/plans/{plan}/annex2", LepManagers, tenanted: true),
        Api("POST", "/api/v1/plans/{id:guid}/annex2", "/api/v1/plans/{plan}/annex2", LepManagers, tenanted: true),
        Api("PUT", "/api/v1/plans/{id:guid}/annex2/{rowId:guid}", "/api/v1/plans/{plan}/annex2/{row}", LepManagers, tenanted: true),
        Api("DELETE", "/api/v1/plans/{id:guid}/annex2/{rowId:guid}", "/api/v1/plans/{plan}/annex2/{row}", LepManagers, tenanted: true) with { ChangeAnswer = HttpStatusCode.Conflict },
        Api("GET", "/api/v1/plans/{id:guid}/export", "/api/v1/plans/{plan}/export?format=docx", LepManagers, tenanted: true),
        Api("GET", "/api/v1/plans/{id:guid}/annex2.xlsx", "/api/v1/plans/{plan}/annex2.xlsx", LepManagers, tenanted: true),
        Api("POST", "/api/v1/plans/{id:guid}/annex2/import", "/api/v1/plans/{plan}/annex2/import", LepManagers, tenanted: true),

        // Commissioning: {contract} is the demo contract of the matrix partner worker's organisation.
        Page("/Commissioning/Contract", "/Commissioning/Contract/{contract}", [Role.PartnerWorker, Role.LepManager], tenanted: true),
        Page("/Commissioning/Edit", "/Commissioning/Edit/{contract}", LepManagers, tenanted: true),
        Page("/Commissioning/Profile", "/Commissioning/Profile/{contract}", LepManagers, tenanted: true),
        Api("POST", "/api/v1/funding/", "/api/v1/funding", LepManagers),
        Api("PUT", "/api/v1/funding/{id:guid}", "/api/v1/funding/{allocation}", LepManagers, tenanted: true),
        Api("POST", "/api/v1/funding/decisions", "/api/v1/funding/decisions", LepManagers),
        Api("POST", "/api/v1/contracts/", "/api/v1/contracts", LepManagers),
        Api("GET", "/api/v1/contracts/{id:guid}", "/api/v1/contracts/{contract}", [Role.PartnerWorker, Role.LepManager], tenanted: true),
        Api("PUT", "/api/v1/contracts/{id:guid}", "/api/v1/contracts/{contract}", LepManagers, tenanted: true),
        Api("POST", "/api/v1/contracts/{id:guid}/spend", "/api/v1/contracts/{contract}/spend", LepManagers, tenanted: true),
        Api("GET", "/api/v1/contracts/{id:guid}/performance", "/api/v1/contracts/{contract}/performance", [Role.PartnerWorker, Role.LepManager], tenanted: true),
        // Equality gaps, reference data, publication with revisions and the national workbook.
        Page("/Admin/Reference/Population", "/Admin/Reference/Population", Admin),
        Page("/Admin/Reference/Simd", "/Admin/Reference/Simd", Admin),
        Page("/Measurement/Gaps", "/Measurement/Gaps", StatisticsReaders),
        Page("/Measurement/Publications", "/Measurement/Publications", NationalAnalysts),
        Page("/Measurement/Publication", "/Measurement/Publications/{quarter}", NationalAnalysts),
        Page("/Measurement/Draft", "/Measurement/Publications/Drafts/{draft}", NationalAnalysts),
        Api("GET", "/api/v1/statistics/gaps", "/api/v1/statistics/gaps?quarter=2024-Q4", StatisticsReaders),
        Api("GET", "/api/v1/statistics/publications", "/api/v1/statistics/publications", NationalAnalysts),
        Api("GET", "/api/v1/statistics/publications/{quarter}", "/api/v1/statistics/publications/{quarter}", NationalAnalysts),
        // {draft} is a withdrawn draft: approving it is refused (409), so nothing is published.
        Api("GET", "/api/v1/statistics/drafts", "/api/v1/statistics/drafts", NationalAnalysts),
        Api("POST", "/api/v1/statistics/drafts", "/api/v1/statistics/drafts", NationalAnalysts),
        Api("GET", "/api/v1/statistics/drafts/{id:guid}", "/api/v1/statistics/drafts/{draft}", NationalAnalysts),
        Api("POST", "/api/v1/statistics/drafts/{id:guid}/approve", "/api/v1/statistics/drafts/{draft}/approve", NationalAnalysts) with { ChangeAnswer = HttpStatusCode.Conflict },
        Api("POST", "/api/v1/statistics/drafts/{id:guid}/withdraw", "/api/v1/statistics/drafts/{draft}/withdraw", NationalAnalysts),
        Api("GET", "/api/v1/statistics/national.xlsx", "/api/v1/statistics/national.xlsx?quarter={quarter}", NationalAnalysts),
        // The participant's view, feedback, measurement and outcome routes that need records of their own.
        Page("/Feedback/Paper", "/Participants/{participant}/Feedback", CaseWorkers, tenanted: true),
        Page("/Me/Invite", "/Participants/{participant}/Invite", CaseWorkers, tenanted: true),
        Open("/Me/Accept", "/Me/Accept"),
        Page("/Outcomes/Edit", "/Outcomes/{outcome}/Edit", CaseWorkers, tenanted: true),
        Page("/Placements/Edit", "/Placements/Edit/{placement}", EmployerOfficers, tenanted: true),
        Api("GET", "/api/v1/charter", "/api/v1/charter", SignedIn),
        Api("POST", "/api/v1/feedback/", "/api/v1/feedback", Participants),
        Api("POST", "/api/v1/me/plan/goals", "/api/v1/me/plan/goals", Participants),
        // {myitem} is an action the participant owns: the If-Match that matches nothing is refused (412), so nothing is written.
        Api("POST", "/api/v1/me/plan/items/{itemId:guid}/done", "/api/v1/me/plan/items/{myitem}/done", Participants, tenanted: true) with { ChangeAnswer = HttpStatusCode.PreconditionFailed },
        Api("PUT", "/api/v1/outcomes/{outcomeId:guid}", "/api/v1/outcomes/{outcome}", CaseWorkers, tenanted: true),
        Api("GET", "/api/v1/indicators/{code}/values", "/api/v1/indicators/starts/values?lep={lep}&quarter=2025-Q3",
            [Role.TeamLeader, Role.LepManager, Role.NationalAnalyst], tenanted: true),
        Api("GET", "/api/v1/returns/quarterly", "/api/v1/returns/quarterly?lep={lep}&quarter=2025-Q3", LepManagers, tenanted: true),
        // Service user voice and continuous improvement: You said, we did; the journey map; self-assessments; the improvement plan.
        Page("/YouSaidWeDid/Index", "/YouSaidWeDid", FeedbackManagers),
        Page("/YouSaidWeDid/Create", "/YouSaidWeDid/Create", FeedbackManagers),
        Page("/YouSaidWeDid/Edit", "/YouSaidWeDid/{change}/Edit", FeedbackManagers, tenanted: true),
        Page("/Journeys/Index", "/Journeys", FeedbackManagers),
        Page("/Improvement/Standards", "/Standards", SelfAssessors),
        Page("/Improvement/Assessment", "/SelfAssessments/{standards}", SelfAssessors, tenanted: true),
        Page("/Improvement/Index", "/Improvement", LepManagers),
        Page("/Improvement/ActionCreate", "/Improvement/Actions/Create", LepManagers),
        Page("/Improvement/ActionEdit", "/Improvement/Actions/{improvement}/Edit", LepManagers, tenanted: true),
        Api("GET", "/api/v1/you-said-we-did/", "/api/v1/you-said-we-did", FeedbackManagers),
        Api("POST", "/api/v1/you-said-we-did/", "/api/v1/you-said-we-did", FeedbackManagers),
        Api("GET", "/api/v1/you-said-we-did/{id:guid}", "/api/v1/you-said-we-did/{change}", FeedbackManagers, tenanted: true),
        Api("PUT", "/api/v1/you-said-we-did/{id:guid}", "/api/v1/you-said-we-did/{change}", FeedbackManagers, tenanted: true),
        Api("GET", "/api/v1/me/you-said-we-did", "/api/v1/me/you-said-we-did", Participants),
        Api("GET", "/api/v1/journeys", "/api/v1/journeys", FeedbackManagers),
        Api("GET", "/api/v1/standards", "/api/v1/standards", SignedIn),
        Api("GET", "/api/v1/standards/assessments/", "/api/v1/standards/assessments", SelfAssessors),
        Api("POST", "/api/v1/standards/assessments/", "/api/v1/standards/assessments", SelfAssessors),
        Api("GET", "/api/v1/standards/assessments/{id:guid}", "/api/v1/standards/assessments/{standards}", SelfAssessors, tenanted: true),
        Api("PUT", "/api/v1/standards/assessments/{id:guid}", "/api/v1/standards/assessments/{standards}", SelfAssessors, tenanted: true),
        Api("POST", "/api/v1/standards/assessments/{id:guid}/submit", "/api/v1/standards/assessments/{standards}/submit", SelfAssessors, tenanted: true),
        Api("POST", "/api/v1/standards/assessments/{id:guid}/review", "/api/v1/standards/assessments/{standards}/review", SelfAssessors, tenanted: true),
        Api("GET", "/api/v1/improvement/self-assessments/", "/api/v1/improvement/self-assessments", LepManagers),
        Api("POST", "/api/v1/improvement/self-assessments/", "/api/v1/improvement/self-assessments", LepManagers),
        Api("GET", "/api/v1/improvement/self-assessments/{id:guid}", "/api/v1/improvement/self-assessments/{lepassessment}", LepManagers, tenanted: true),
        Api("PUT", "/api/v1/improvement/self-assessments/{id:guid}", "/api/v1/improvement/self-assessments/{lepassessment}", LepManagers, tenanted: true),
        Api("POST", "/api/v1/improvement/self-assessments/{id:guid}/submit", "/api/v1/improvement/self-assessments/{lepassessment}/submit", LepManagers, tenanted: true),
        Api("POST", "/api/v1/improvement/self-assessments/{id:guid}/review", "/api/v1/improvement/self-assessments/{lepassessment}/review", LepManagers, tenanted: true),
        Api("GET", "/api/v1/improvement/actions/", "/api/v1/improvement/actions", LepManagers),
        Api("POST", "/api/v1/improvement/actions/", "/api/v1/improvement/actions", LepManagers),
        Api("GET", "/api/v1/improvement/actions/{id:guid}", "/api/v1/improvement/actions/{improvement}", LepManagers, tenanted: true),
        Api("PUT", "/api/v1/improvement/actions/{id:guid}", "/api/v1/improvement/actions/{improvement}", LepManagers, tenanted: true),
    ];

    /// <summary>
    /// Routes merged before their rows (and the records they need in <see cref="AuthorizationMatrixFactory"/>) were written.
    /// Each feature's own tests cover its permissions and tenancy meanwhile; this list may only shrink, and a route on it
    /// that no longer exists fails.
    /// </summary>
    private static readonly string[] AwaitingRows = [];

    public static TheoryData<Role> Roles => new(Enum.GetValues<Role>());

    /// <summary>The app's own routes in the matrix's words: a page by its path, an API endpoint by method and pattern.</summary>
    private HashSet<string> MappedRoutes()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                keys.Add($"PAGE {page.ViewEnginePath}");
            }
            else if (endpoint.RoutePattern.RawText is { } pattern && pattern.StartsWith("/api/v1/", StringComparison.Ordinal))
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"];
                keys.UnionWith(methods.Select(m => $"{m} {pattern}"));
            }
        }

        return keys;
    }

    [Fact]
    public void Every_page_and_api_endpoint_has_exactly_one_row_and_every_row_is_a_real_route()
    {
        var mapped = MappedRoutes();
        var rows = Matrix.Select(r => r.Key).ToList();

        Assert.Empty(rows.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => g.Key));
        var withoutRow = mapped.Except(rows).Except(AwaitingRows).Order().ToList();
        Assert.True(withoutRow.Count == 0, "Routes without a row: " + string.Join(Environment.NewLine, withoutRow));
        var notRoutes = rows.Concat(AwaitingRows).Except(mapped).Order().ToList();
        Assert.True(notRoutes.Count == 0, "Rows that are not routes: " + string.Join(Environment.NewLine, notRoutes));
        Assert.Empty(rows.Intersect(AwaitingRows));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_by_pages_and_get_401_from_the_api()
    {
        var world = await app.WorldAsync();
        using var client = app.AnonymousPageClient();
        var wrong = new List<string>();

        foreach (var row in Matrix)
        {
            using var response = await SendAsync(client, row, world.Url(row.Url), malformed: true);
            var status = (int)response.StatusCode;
            var location = response.Headers.Location?.OriginalString ?? "";
            var ok = row.Anonymous
                ? row.IsPage ? response.StatusCode == row.Answer : status is 200 or 400
                : row.IsPage
                    ? status == 302 && location.Contains("/Account/SignIn?ReturnUrl=", StringComparison.Ordinal)
                    : status == 401;
            if (!ok)
            {
                wrong.Add($"{row.Key}: {status} {location}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_role_is_let_in_or_refused_as_the_matrix_says_on_its_own_leps_records(Role role)
    {
        var world = await app.WorldAsync();
        using var pages = await app.PageClientAsync(AuthorizationMatrixFactory.EmailOf(role), DemoData.Password);
        using var api = await app.ApiClientAsync(AuthorizationMatrixFactory.EmailOf(role), DemoData.Password);
        var wrong = new List<string>();

        foreach (var row in Matrix)
        {
            var allowed = row.Allowed.Contains(role);
            using var response = await SendAsync(row.IsPage ? pages : api, row, world.Url(row.Url), malformed: allowed);
            var status = (int)response.StatusCode;
            var location = response.Headers.Location?.OriginalString ?? "";
            var refusedByPermission = row.IsPage
                ? status == 302 && location.Contains("/Account/AccessDenied?ReturnUrl=", StringComparison.Ordinal)
                : status == 403;
            var ok = allowed
                ? row.Method == "GET" ? response.StatusCode == row.Answer : response.StatusCode == row.ChangeAnswer
                : refusedByPermission || (row.Refused == Refusal.ForbiddenOrNotFound && status == 404);
            if (!ok)
            {
                wrong.Add($"{row.Key} as {role}: {status} {location}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Another_leps_record_answers_404_to_every_role_that_may_use_the_route(Role role)
    {
        if (!role.RequiresLep())
        {
            return;
        }

        var world = await app.WorldAsync();
        using var pages = await app.PageClientAsync(AuthorizationMatrixFactory.EmailOf(role), DemoData.Password);
        using var api = await app.ApiClientAsync(AuthorizationMatrixFactory.EmailOf(role), DemoData.Password);
        var wrong = new List<string>();

        foreach (var row in Matrix.Where(r => r.Tenanted && r.Allowed.Contains(role)))
        {
            using var response = await SendAsync(row.IsPage ? pages : api, row, world.Url(row.Url, otherLep: true), malformed: false);
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                wrong.Add($"{row.Key} as {role}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    /// <summary>
    /// GET as it is; anything else with a JSON body: malformed (so an allowed call stops at model binding, 400, and
    /// writes nothing) or an empty object with an If-Match that matches nothing (so a call that gets past every check would show as 2xx).
    /// </summary>
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Row row, string url, bool malformed)
    {
        var request = new HttpRequestMessage(new HttpMethod(row.Method), url);
        if (row.Method != "GET")
        {
            request.Content = new StringContent(malformed ? "{\"oops\":" : "{}", Encoding.UTF8, "application/json");

            // A version that matches nothing: the record's own checks, not the missing header, must answer.
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{Guid.Empty}\"");
        }

        return client.SendAsync(request);
    }
}
