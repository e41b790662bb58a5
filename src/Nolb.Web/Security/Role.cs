namespace Nolb.Web.Security;

/// <summary>The role stereotypes of DESIGN.md §2. A user has exactly one.</summary>
public enum Role
{
    Participant,
    KeyWorker,
    TeamLeader,
    PartnerWorker,
    EmployerEngagementOfficer,
    LepManager,
    NationalAnalyst,
    Administrator,
    InformationGovernance,
}

public static class RoleExtensions
{
    public static string DisplayName(this Role role) => role switch
    {
        Role.Participant => "Participant",
        Role.KeyWorker => "Key worker",
        Role.TeamLeader => "Team leader",
        Role.PartnerWorker => "Partner worker",
        Role.EmployerEngagementOfficer => "Employer engagement officer",
        Role.LepManager => "LEP manager",
        Role.NationalAnalyst => "National analyst",
        Role.Administrator => "Administrator",
        Role.InformationGovernance => "Information governance officer",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>What the role is for, in the words shown on the home page and the user form.</summary>
    public static string Scope(this Role role) => role switch
    {
        Role.Participant => "Your own plan, appointments, referrals and feedback.",
        Role.KeyWorker => "Your own caseload in your LEP, and your team's participants to read.",
        Role.TeamLeader => "Every caseload in your LEP, and reassigning cases.",
        Role.PartnerWorker => "Referrals made to your organisation, for people who agreed to share.",
        Role.EmployerEngagementOfficer => "Employers, vacancies, matching, placements and recruitment incentives in your LEP.",
        Role.LepManager => "Your LEP's delivery plan, commissioning, budgets and dashboards; people's data only in aggregate.",
        Role.NationalAnalyst => "National statistics for every LEP, disclosure-controlled; no personal data.",
        Role.Administrator => "Users, organisations, reference data and the national products.",
        Role.InformationGovernance => "The audit trail and unusual access in every LEP, and people's data rights requests; no casework.",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>
    /// Roles that work inside one LEP must belong to one; national roles must not. Information governance is national
    /// because the audit trail and the data rights pages it works on span every LEP (ADR 014).
    /// </summary>
    public static bool RequiresLep(this Role role) => role is not (Role.NationalAnalyst or Role.Administrator or Role.InformationGovernance);

    public static bool RequiresOrganisation(this Role role) => role is Role.PartnerWorker;

    /// <summary>
    /// Roles whose accounts reach across every LEP (all users, the audit trail, national statistics, data rights) must
    /// sign in with a second factor: a stolen password alone must not open them.
    /// </summary>
    public static bool RequiresTwoFactor(this Role role) => role is Role.Administrator or Role.NationalAnalyst or Role.InformationGovernance;
}
