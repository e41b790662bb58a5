namespace Nolb.Web.Security;

using static Permissions;

/// <summary>The one place that maps role stereotypes (data) to permissions (code).</summary>
public static class RolePermissions
{
    private static readonly Dictionary<Role, IReadOnlySet<string>> Map = new()
    {
        [Role.Participant] = Set(Participants.ReadOwnRecord, Feedback.GiveOwn),
        [Role.KeyWorker] = Set(
            Organisations.Read,
            Participants.ReadOwnCaseload, Participants.ReadLep, Participants.Register, Participants.EditOwnCaseload,
            Participants.ReadEqualityData),
        [Role.TeamLeader] = Set(
            Organisations.Read,
            Participants.ReadOwnCaseload, Participants.ReadLep, Participants.Register, Participants.EditOwnCaseload,
            Participants.EditLep, Participants.Reassign, Participants.Transfer, Participants.ReadEqualityData, Statistics.ReadLep),
        [Role.PartnerWorker] = Set(Organisations.Read, Referrals.ReceiveForOrganisation),
        [Role.EmployerEngagementOfficer] = Set(Organisations.Read, Employers.Manage),
        [Role.LepManager] = Set(Organisations.Read, DeliveryPlans.Manage, Statistics.ReadLep),
        [Role.NationalAnalyst] = Set(Statistics.ReadNational),
        [Role.Administrator] = Set(
            Users.Manage, Organisations.Read, Organisations.Manage, Audit.Search, ReferenceData.Manage),
        [Role.InformationGovernance] = Set(Audit.Search, DataRights.Manage),
    };

    /// <summary>Permissions added by features after the first cut, kept apart so each feature's line merges cleanly.</summary>
    private static readonly (Role Role, string Permission)[] Additions =
    [
        (Role.KeyWorker, BetterOff.Calculate),
        (Role.TeamLeader, BetterOff.Calculate),
        (Role.PartnerWorker, BetterOff.Calculate),
        (Role.EmployerEngagementOfficer, BetterOff.Calculate),
        (Role.TeamLeader, CaseNotes.ReadSensitiveLep),
        (Role.KeyWorker, ServiceDirectory.Read), (Role.TeamLeader, ServiceDirectory.Read), (Role.PartnerWorker, ServiceDirectory.Read),
        (Role.EmployerEngagementOfficer, ServiceDirectory.Read), (Role.LepManager, ServiceDirectory.Read), (Role.Administrator, ServiceDirectory.Read),
        (Role.LepManager, ServiceDirectory.Manage), (Role.Administrator, ServiceDirectory.Manage),
        (Role.KeyWorker, Referrals.Make), (Role.TeamLeader, Referrals.Make), (Role.TeamLeader, Referrals.Triage),
        (Role.PartnerWorker, Referrals.SendInbound),
        (Role.KeyWorker, Employers.Read),
        (Role.KeyWorker, Employers.Match),
        (Role.TeamLeader, Employers.Read),
        (Role.TeamLeader, Employers.Match),
        (Role.EmployerEngagementOfficer, Employers.Read),
        (Role.EmployerEngagementOfficer, Employers.Match),
        (Role.LepManager, Employers.Read),
        (Role.LepManager, Employers.ApproveIncentives),
        (Role.LepManager, Commissioning.Manage), (Role.PartnerWorker, Commissioning.ReadOwnOrganisation),
        (Role.TeamLeader, Feedback.Manage), (Role.LepManager, Feedback.Manage),
        (Role.LepManager, Statistics.ExportReturn),
        (Role.LepManager, DeliveryPlans.Approve),
        (Role.KeyWorker, Statistics.ReadOwnCaseload), (Role.TeamLeader, Statistics.ReadOwnCaseload),
        (Role.Administrator, DataRights.Manage),
        (Role.PartnerWorker, Improvement.SelfAssessStandards), (Role.LepManager, Improvement.SelfAssessStandards), (Role.LepManager, Improvement.Manage),
        (Role.NationalAnalyst, Statistics.Publish),
        (Role.LepManager, CaseloadImport.Run),
    ];

    static RolePermissions()
    {
        foreach (var (role, permission) in Additions)
        {
            ((HashSet<string>)Map[role]).Add(permission);
        }
    }

    public static IReadOnlySet<string> For(Role role) => Map[role];

    public static bool Has(Role role, string permission) => Map[role].Contains(permission);

    private static HashSet<string> Set(params string[] permissions) => new(permissions, StringComparer.Ordinal);
}
