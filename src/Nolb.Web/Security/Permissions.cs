namespace Nolb.Web.Security;

/// <summary>
/// Every permission the code checks. Code asks for a permission, never for a role name;
/// <see cref="RolePermissions"/> is the one place that says which role holds which.
/// "Own" and "Lep" variants follow OrchardCore: the narrower one is checked against the record.
/// </summary>
public static class Permissions
{
    public static class Users
    {
        public const string Manage = "users.manage";
    }

    public static class Organisations
    {
        public const string Read = "organisations.read";
        public const string Manage = "organisations.manage";
    }

    public static class Audit
    {
        public const string Search = "audit.search";
    }

    public static class DataRights
    {
        public const string Manage = "data-rights.manage";
    }

    public static class ReferenceData
    {
        public const string Manage = "reference-data.manage";
    }

    public static class Participants
    {
        public const string ReadOwnRecord = "participants.read-own-record";
        public const string ReadOwnCaseload = "participants.read-own-caseload";
        public const string ReadLep = "participants.read-lep";
        public const string Register = "participants.register";
        public const string EditOwnCaseload = "participants.edit-own-caseload";
        public const string EditLep = "participants.edit-lep";
        public const string Reassign = "participants.reassign";
        public const string Transfer = "participants.transfer";
        public const string ReadEqualityData = "participants.read-equality-data";
    }

    public static class CaseloadImport
    {
        public const string Run = "caseload-import.run";
    }

    public static class CaseNotes
    {
        public const string ReadSensitiveLep = "case-notes.read-sensitive-lep";
    }

    public static class Referrals
    {
        public const string ReceiveForOrganisation = "referrals.receive-for-organisation";
        public const string Make = "referrals.make";
        public const string Triage = "referrals.triage";
        public const string SendInbound = "referrals.send-inbound";
    }

    public static class ServiceDirectory
    {
        public const string Read = "directory.read";
        public const string Manage = "directory.manage";
    }

    public static class Employers
    {
        public const string Manage = "employers.manage";
        public const string Read = "employers.read";
        public const string Match = "employers.match";
        public const string ApproveIncentives = "employers.approve-incentives";
    }

    public static class DeliveryPlans
    {
        public const string Manage = "delivery-plans.manage";
        public const string Approve = "delivery-plans.approve";
    }

    public static class Statistics
    {
        public const string ReadLep = "statistics.read-lep";
        public const string ReadNational = "statistics.read-national";
        public const string ExportReturn = "statistics.export-return";
        public const string ReadOwnCaseload = "statistics.read-own-caseload";
        public const string Publish = "statistics.publish";
    }

    public static class BetterOff
    {
        public const string Calculate = "better-off.calculate";
    }

    public static class Feedback
    {
        public const string GiveOwn = "feedback.give-own";
        public const string Manage = "feedback.manage";
    }

    public static class Commissioning
    {
        public const string Manage = "commissioning.manage";
        public const string ReadOwnOrganisation = "commissioning.read-own-organisation";
    }

    public static class Improvement
    {
        public const string SelfAssessStandards = "improvement.self-assess-standards";
        public const string Manage = "improvement.manage";
    }

    /// <summary>Every permission with the plain words the home page uses to tell a user what they may do.</summary>
    public static IReadOnlyList<PermissionInfo> All { get; } =
    [
        new(Users.Manage, "Create user accounts, give them a role, LEP and organisation, and disable them"),
        new(Organisations.Read, "See the organisations in your partnership"),
        new(Organisations.Manage, "Add and edit delivery partners and other organisations"),
        new(Audit.Search, "Search the audit trail of who saw and changed what"),
        new(DataRights.Manage, "Answer subject access and erasure requests, and run the retention policy"),
        new(ReferenceData.Manage, "Maintain reference data and the national products"),
        new(Participants.ReadOwnRecord, "See your own plan, appointments and referrals"),
        new(Participants.ReadOwnCaseload, "See the people on your caseload"),
        new(Participants.ReadLep, "See every participant in your LEP"),
        new(Participants.Register, "Register people for support"),
        new(Participants.EditOwnCaseload, "Assess, plan and record support for your caseload"),
        new(Participants.EditLep, "Assess, plan and record support for anyone in your LEP"),
        new(Participants.Reassign, "Move cases between key workers"),
        new(Participants.Transfer, "Transfer a person's record to another LEP when they move, with their consent"),
        new(Participants.ReadEqualityData, "See equality monitoring answers, which are special-category data"),
        new(CaseNotes.ReadSensitiveLep, "Read sensitive case notes (health, justice, safeguarding) on any case in your LEP"),
        new(Referrals.ReceiveForOrganisation, "Receive referrals made to your organisation"),
        new(Employers.Manage, "Work with employers, vacancies, placements and recruitment incentives"),
        new(Employers.Read, "See employers, vacancies, placements and recruitment incentives"),
        new(Employers.Match, "Match people to vacancies, with the reasons for each match"),
        new(Employers.ApproveIncentives, "Approve or reject recruitment incentives and record their payments"),
        new(DeliveryPlans.Manage, "Write the delivery plan and manage commissioning"),
        new(Statistics.ReadLep, "See your LEP's dashboards and measures"),
        new(Statistics.ReadNational, "See national statistics for every LEP"),
        new(Feedback.GiveOwn, "Give feedback on the support you get"),
        new(Feedback.Manage, "See your LEP's Customer Charter feedback, tag comments with themes and add local charter commitments"),
        new(Referrals.Make, "Refer people on your caseload to services in the directory, sharing only what they agreed to"),
        new(Referrals.Triage, "Allocate referrals sent into your LEP by partners to key workers"),
        new(Referrals.SendInbound, "Refer people into the LEP's employability service"),
        new(DeliveryPlans.Approve, "Approve a delivery plan another LEP manager of your LEP submitted, or return it to draft"),
        new(ServiceDirectory.Read, "See the service directory and the supply map of your LEP"),
        new(ServiceDirectory.Manage, "Add and change services in the directory, and import and export it as Open Referral HSDS"),
        new(Statistics.ExportReturn, "Download your LEP's participant-level quarterly return, with pseudonymised ids"),
        new(BetterOff.Calculate, "Work out whether someone would be better off in a job (Universal Credit, tax, childcare)"),
        new(Commissioning.Manage, "Set funding allocations, manage grants and contracts with delivery partners, record spend and commissioning decisions"),
        new(Improvement.SelfAssessStandards, "Rate your organisation against the Employability Service Standards, with evidence, and submit it to the LEP"),
        new(Improvement.Manage, "Review Service Standards self-assessments, write the partnership's self-assessment and run its improvement action plan"),
        new(Commissioning.ReadOwnOrganisation, "See your organisation's contracts and how they perform against profile"),
        new(Statistics.ReadOwnCaseload, "See your own caseload's figures on the Shared Measurement Framework"),
        new(CaseloadImport.Run, "Bring your LEP's existing caseload into Nolb from a spreadsheet or another system's export"),
        new(Statistics.Publish, "Prepare a quarter's national statistics for publication, and approve or withdraw another analyst's draft"),
    ];
}

public sealed record PermissionInfo(string Name, string Description);
