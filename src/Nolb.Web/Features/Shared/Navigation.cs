using Nolb.Web.Security;

namespace Nolb.Web.Features.Shared;

/// <summary>A place in Nolb a user can go, shown in the header and on the home page when they hold its permission.</summary>
public sealed record NavigationItem(string Title, string Page, string Permission, string Description);

public static class Navigation
{
    public static IReadOnlyList<NavigationItem> All { get; } =
    [
        new("Caseload", "/Caseload/Index", Permissions.Participants.ReadOwnCaseload,
            "Open cases with their stage and the days since anything was last recorded."),
        new("Find a person", "/Participants/Index", Permissions.Participants.ReadLep,
            "Search the people your LEP supports by name, date of birth or reference."),
        new("Register a person", "/Participants/Register", Permissions.Participants.Register,
            "Register someone for support, after checking they are not already known."),
        new("Better off in work", "/BetterOffInWork/Index", Permissions.BetterOff.Calculate,
            "Work out whether someone would be better off in a job offer, with Universal Credit, tax and childcare."),
        new("Service directory", "/ServiceDirectory/Index", Permissions.ServiceDirectory.Read,
            "Find services for people: employability, health, housing, money advice and more, with the supply map of your LEP."),
        new("Referrals received", "/Referrals/Inbox", Permissions.Referrals.ReceiveForOrganisation,
            "Referrals to your organisation: accept or decline them, record first contact and completion."),
        new("Referrals sent", "/Referrals/Outbox", Permissions.Referrals.Make,
            "Referrals your LEP has made to services, with their answers and any that are overdue."),
        new("Referral triage", "/Referrals/Triage", Permissions.Referrals.Triage,
            "People referred into your LEP by partners, waiting to be given to a key worker."),
        new("Sustainment checks", "/Outcomes/Due", Permissions.Participants.ReadOwnCaseload,
            "Checks due 13, 26 and 52 weeks after a person started work, with overdue ones flagged."),
        new("Employers", "/Employers/Index", Permissions.Employers.Read,
            "Employers your LEP works with, their Fair Work commitments and the engagement log."),
        new("Vacancies", "/Vacancies/Index", Permissions.Employers.Read,
            "Open vacancies with their Fair Work markers, and the people they match."),
        new("Placements", "/Placements/Index", Permissions.Employers.Read,
            "Work experience, job tasters, volunteering, supported employment and Intermediate Labour Market jobs."),
        new("Recruitment incentives", "/Incentives/Index", Permissions.Employers.Read,
            "Employer Recruitment Incentive applications, checked against your LEP's minimum standards."),
        new("Organisations", "/Organisations/Index", Permissions.Organisations.Read,
            "The delivery partners and other organisations in your partnership."),
        new("Users", "/Admin/Users/Index", Permissions.Users.Manage,
            "Create accounts, set each person's role, LEP and organisation, and disable accounts."),
        new("Audit trail", "/Admin/Audit/Index", Permissions.Audit.Search,
            "Search who signed in, and who saw and changed which record, when and from where."),
        new("Appointments", "/Appointments/Diary", Permissions.Participants.ReadOwnCaseload,
            "Your upcoming appointments, and a calendar file to add them to your diary."),
        new("Intervention catalogue", "/Admin/Interventions/Index", Permissions.ReferenceData.Manage,
            "The types of intervention key workers record; add a type or a category."),
        new("Commissioning", "/Commissioning/Index", Permissions.Commissioning.Manage,
            "Funding allocations, grants and contracts with their quarterly profile and spend, performance against profile and the decision log."),
        new("Your contracts", "/Commissioning/Index", Permissions.Commissioning.ReadOwnOrganisation,
            "Your organisation's grants and contracts and how they perform against profile."),
        new("Your support", "/Me/Index", Permissions.Participants.ReadOwnRecord,
            "Your plan, your appointments, where you have been referred, and your key worker's details."),
        new("Give feedback", "/Me/Feedback", Permissions.Feedback.GiveOwn,
            "Tell us how well we kept the promises in our Customer Charter, and what would make things better."),
        new("Customer Charter feedback", "/Feedback/Results", Permissions.Feedback.Manage,
            "Satisfaction with each charter commitment by period and service, and people's comments to tag with themes."),
        new("Customer Charter commitments", "/Feedback/Charter", Permissions.ReferenceData.Manage,
            "The national commitments people rate when they give feedback."),
        new("Measurement", "/Measurement/Indicators", Permissions.Statistics.ReadLep,
            "The Shared Measurement Framework indicators, how each is counted, and how published figures are protected."),
        new("Measurement", "/Measurement/Indicators", Permissions.Statistics.ReadNational,
            "The Shared Measurement Framework indicators, how each is counted, and how published figures are protected."),
        new("Delivery plans", "/DeliveryPlans/Index", Permissions.DeliveryPlans.Manage,
            "Your LEP's delivery plan in the framework's sections, with Annex 2 and 3, live evidence, approval and versions."),
    ];

    public static IEnumerable<NavigationItem> For(CurrentUser user) => All.Where(item => user.Has(item.Permission));
}
