using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Data;

/// <summary>
/// The one EF model. Each database provider has a subclass that owns that provider's migration set
/// (<see cref="SqliteNolbDbContext"/>, <see cref="PostgresNolbDbContext"/>); feature code uses this type.
/// </summary>
public abstract class NolbDbContext(DbContextOptions options) : IdentityUserContext<NolbUser, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect cookies and tokens, shared by every instance of Nolb.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Signed-in sessions (cookies and API tokens), checked on every request so signing out ends one at once.</summary>
    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<Lep> Leps => Set<Lep>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<Engagement> Engagements => Set<Engagement>();
    public DbSet<StageMove> StageMoves => Set<StageMove>();
    public DbSet<CaseAssignment> CaseAssignments => Set<CaseAssignment>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<Domain.Assessments.NeedsAssessment> NeedsAssessments => Set<Domain.Assessments.NeedsAssessment>();
    public DbSet<Domain.Assessments.DomainScore> DomainScores => Set<Domain.Assessments.DomainScore>();
    public DbSet<Domain.ActionPlans.ActionPlan> ActionPlans => Set<Domain.ActionPlans.ActionPlan>();
    public DbSet<Domain.ActionPlans.ActionPlanItem> ActionPlanItems => Set<Domain.ActionPlans.ActionPlanItem>();
    public DbSet<Domain.Interventions.InterventionCategory> InterventionCategories => Set<Domain.Interventions.InterventionCategory>();
    public DbSet<Domain.Interventions.InterventionType> InterventionTypes => Set<Domain.Interventions.InterventionType>();
    public DbSet<Domain.Interventions.Intervention> Interventions => Set<Domain.Interventions.Intervention>();
    public DbSet<Domain.CaseNotes.CaseNote> CaseNotes => Set<Domain.CaseNotes.CaseNote>();
    public DbSet<Domain.Appointments.Appointment> Appointments => Set<Domain.Appointments.Appointment>();
    public DbSet<Domain.ServiceDirectory.DirectoryService> DirectoryServices => Set<Domain.ServiceDirectory.DirectoryService>();
    public DbSet<Domain.Referrals.Referral> Referrals => Set<Domain.Referrals.Referral>();
    public DbSet<Domain.Employers.Employer> Employers => Set<Domain.Employers.Employer>();
    public DbSet<Domain.Employers.EmployerActivity> EmployerActivities => Set<Domain.Employers.EmployerActivity>();
    public DbSet<Domain.Employers.Vacancy> Vacancies => Set<Domain.Employers.Vacancy>();
    public DbSet<Domain.Employers.Placement> Placements => Set<Domain.Employers.Placement>();
    public DbSet<Domain.Employers.OccupationUnitGroup> OccupationUnitGroups => Set<Domain.Employers.OccupationUnitGroup>();
    public DbSet<Domain.Employers.OccupationListLoad> OccupationListLoads => Set<Domain.Employers.OccupationListLoad>();
    public DbSet<Domain.Outcomes.Outcome> Outcomes => Set<Domain.Outcomes.Outcome>();
    public DbSet<Domain.Outcomes.SustainmentCheck> SustainmentChecks => Set<Domain.Outcomes.SustainmentCheck>();
    public DbSet<Domain.Outcomes.AftercareContact> AftercareContacts => Set<Domain.Outcomes.AftercareContact>();
    public DbSet<Domain.Matching.JobPreferences> JobPreferences => Set<Domain.Matching.JobPreferences>();
    public DbSet<Domain.Incentives.IncentiveScheme> IncentiveSchemes => Set<Domain.Incentives.IncentiveScheme>();
    public DbSet<Domain.Incentives.IncentiveApplication> IncentiveApplications => Set<Domain.Incentives.IncentiveApplication>();
    public DbSet<Domain.Incentives.IncentivePayment> IncentivePayments => Set<Domain.Incentives.IncentivePayment>();
    public DbSet<Domain.Commissioning.FundingAllocation> FundingAllocations => Set<Domain.Commissioning.FundingAllocation>();
    public DbSet<Domain.Commissioning.DeliveryContract> DeliveryContracts => Set<Domain.Commissioning.DeliveryContract>();
    public DbSet<Domain.Commissioning.ContractQuarter> ContractProfileQuarters => Set<Domain.Commissioning.ContractQuarter>();
    public DbSet<Domain.Commissioning.ContractSpend> ContractSpend => Set<Domain.Commissioning.ContractSpend>();
    public DbSet<Domain.Commissioning.CommissioningDecision> CommissioningDecisions => Set<Domain.Commissioning.CommissioningDecision>();
    public DbSet<Domain.CaseloadImport.ImportRun> ImportRuns => Set<Domain.CaseloadImport.ImportRun>();
    public DbSet<Domain.CaseloadImport.ImportedRecord> ImportedRecords => Set<Domain.CaseloadImport.ImportedRecord>();
    public DbSet<Domain.Voice.ParticipantInvitation> ParticipantInvitations => Set<Domain.Voice.ParticipantInvitation>();
    public DbSet<Infrastructure.OutboxEmail> OutboxEmails => Set<Infrastructure.OutboxEmail>();
    public DbSet<Domain.Voice.CharterCommitment> CharterCommitments => Set<Domain.Voice.CharterCommitment>();
    public DbSet<Domain.Voice.FeedbackResponse> FeedbackResponses => Set<Domain.Voice.FeedbackResponse>();
    public DbSet<Domain.Voice.FeedbackRating> FeedbackRatings => Set<Domain.Voice.FeedbackRating>();
    public DbSet<Domain.Voice.YouSaidWeDid> YouSaidWeDid => Set<Domain.Voice.YouSaidWeDid>();
    public DbSet<Domain.Improvement.SelfAssessment> SelfAssessments => Set<Domain.Improvement.SelfAssessment>();
    public DbSet<Domain.Improvement.ImprovementAction> ImprovementActions => Set<Domain.Improvement.ImprovementAction>();
    public DbSet<Domain.DeliveryPlans.DeliveryPlan> DeliveryPlans => Set<Domain.DeliveryPlans.DeliveryPlan>();
    public DbSet<Domain.DeliveryPlans.ServiceDeliveryRequirement> ServiceDeliveryRequirements => Set<Domain.DeliveryPlans.ServiceDeliveryRequirement>();
    public DbSet<Domain.Measurement.ReferenceDataset> ReferenceDatasets => Set<Domain.Measurement.ReferenceDataset>();
    public DbSet<Domain.Measurement.PopulationFigure> PopulationFigures => Set<Domain.Measurement.PopulationFigure>();
    public DbSet<Domain.Measurement.SimdPostcode> SimdPostcodes => Set<Domain.Measurement.SimdPostcode>();
    public DbSet<Domain.Measurement.StatisticsPublication> StatisticsPublications => Set<Domain.Measurement.StatisticsPublication>();
    public DbSet<Domain.Measurement.StatisticsDraft> StatisticsDrafts => Set<Domain.Measurement.StatisticsDraft>();
    public DbSet<Domain.DataRights.ParticipantChange> ParticipantChanges => Set<Domain.DataRights.ParticipantChange>();
    public DbSet<Domain.DataRights.SubjectAccessRequest> SubjectAccessRequests => Set<Domain.DataRights.SubjectAccessRequest>();
    public DbSet<Domain.DataRights.ErasureRequest> ErasureRequests => Set<Domain.DataRights.ErasureRequest>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NolbDbContext).Assembly);
        KeysAreSetByTheDomain(builder);
    }

    /// <summary>
    /// Domain entities create their own Guid ids. Left as "generated on add", EF would take a new child reached
    /// through a navigation (an engagement added to a person) for an existing row and send an UPDATE.
    /// </summary>
    private static void KeysAreSetByTheDomain(ModelBuilder builder)
    {
        var domainKeys = builder.Model.GetEntityTypes()
            .Where(e => !e.IsOwned() && e.ClrType.Namespace?.StartsWith("Nolb.Web.Domain", StringComparison.Ordinal) == true)
            .Select(e => e.FindPrimaryKey())
            .Where(k => k is { Properties.Count: 1 } && k.Properties[0].ClrType == typeof(Guid))
            .Select(k => k!.Properties[0]);
        foreach (var key in domainKeys)
        {
            key.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and safe when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(64);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }
}

public sealed class SqliteNolbDbContext(DbContextOptions<SqliteNolbDbContext> options) : NolbDbContext(options);

public sealed class PostgresNolbDbContext(DbContextOptions<PostgresNolbDbContext> options) : NolbDbContext(options);
