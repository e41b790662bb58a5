using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Domain.Incentives;
using Nolb.Web.Domain.Matching;
using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Data.Configurations;

public sealed class EmployerConfiguration : IEntityTypeConfiguration<Employer>
{
    public void Configure(EntityTypeBuilder<Employer> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.Town).HasMaxLength(100);
        builder.Property(e => e.Postcode).HasMaxLength(8);
        builder.Property(e => e.ContactName).HasMaxLength(100);
        builder.Property(e => e.ContactEmail).HasMaxLength(256);
        builder.Property(e => e.ContactPhone).HasMaxLength(30);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne<Lep>().WithMany().HasForeignKey(e => e.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Activities).WithOne().HasForeignKey(a => a.EmployerId);
        builder.HasIndex(e => new { e.LepId, e.Name });
    }
}

public sealed class EmployerActivityConfiguration : IEntityTypeConfiguration<EmployerActivity>
{
    public void Configure(EntityTypeBuilder<EmployerActivity> builder)
    {
        builder.Property(a => a.Notes).HasMaxLength(2000);
        builder.HasIndex(a => new { a.EmployerId, a.Date });
    }
}

public sealed class VacancyConfiguration : IEntityTypeConfiguration<Vacancy>
{
    public void Configure(EntityTypeBuilder<Vacancy> builder)
    {
        builder.Property(v => v.Title).HasMaxLength(200);
        builder.Property(v => v.SocCode).HasMaxLength(4);
        builder.Property(v => v.Postcode).HasMaxLength(8);
        builder.Property(v => v.Requirements).HasMaxLength(2000);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(v => v.Days).ElementType().HasConversion<string>();
        builder.HasOne(v => v.Employer).WithMany().HasForeignKey(v => v.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Lep>().WithMany().HasForeignKey(v => v.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.LepId, v.Status, v.ClosingDate });
    }
}

public sealed class PlacementConfiguration : IEntityTypeConfiguration<Placement>
{
    public void Configure(EntityTypeBuilder<Placement> builder)
    {
        builder.Property(p => p.Notes).HasMaxLength(1000);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne(p => p.Employer).WithMany().HasForeignKey(p => p.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Participant>().WithMany().HasForeignKey(p => p.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Lep>().WithMany().HasForeignKey(p => p.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.LepId, p.StartDate });
    }
}

public sealed class OutcomeConfiguration : IEntityTypeConfiguration<Outcome>
{
    public void Configure(EntityTypeBuilder<Outcome> builder)
    {
        builder.Property(o => o.OrganisationName).HasMaxLength(200);
        builder.Property(o => o.JobTitle).HasMaxLength(200);
        builder.Property(o => o.SocCode).HasMaxLength(4);
        builder.Property(o => o.Description).HasMaxLength(Outcome.MaxTextLength);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Ignore(o => o.IsWork);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(o => o.EngagementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.Employer).WithMany().HasForeignKey(o => o.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Checks).WithOne().HasForeignKey(c => c.OutcomeId);
        builder.HasIndex(o => new { o.EngagementId, o.StartDate });
        // The indicator engine and the quarterly return read one LEP's records by date (bench/README.md shows the timings).
        builder.HasIndex(o => new { o.LepId, o.StartDate });
    }
}

public sealed class SustainmentCheckConfiguration : IEntityTypeConfiguration<SustainmentCheck>
{
    public void Configure(EntityTypeBuilder<SustainmentCheck> builder)
    {
        builder.Property(c => c.Notes).HasMaxLength(Outcome.MaxTextLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.IsOutstanding);
        builder.HasIndex(c => new { c.LepId, c.Result, c.DueDate });
    }
}

public sealed class AftercareContactConfiguration : IEntityTypeConfiguration<AftercareContact>
{
    public void Configure(EntityTypeBuilder<AftercareContact> builder)
    {
        builder.Property(c => c.Notes).HasMaxLength(Outcome.MaxTextLength);
        builder.Property(c => c.Actions).HasMaxLength(Outcome.MaxTextLength);
        builder.PrimitiveCollection(c => c.Issues).ElementType().HasConversion<string>();
        builder.HasOne<Engagement>().WithMany().HasForeignKey(c => c.EngagementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.EngagementId, c.Date });
    }
}

public sealed class JobPreferencesConfiguration : IEntityTypeConfiguration<JobPreferences>
{
    public void Configure(EntityTypeBuilder<JobPreferences> builder)
    {
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(p => p.SocGoals).ElementType().HasMaxLength(4);
        builder.PrimitiveCollection(p => p.AvailableDays).ElementType().HasConversion<string>();
        builder.HasOne<Participant>().WithMany().HasForeignKey(p => p.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.ParticipantId).IsUnique();
    }
}

public sealed class IncentiveSchemeConfiguration : IEntityTypeConfiguration<IncentiveScheme>
{
    public void Configure(EntityTypeBuilder<IncentiveScheme> builder)
    {
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.Total);
        builder.Ignore(s => s.YearLabel);
        builder.HasOne<Lep>().WithMany().HasForeignKey(s => s.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.LepId, s.FinancialYear }).IsUnique();
    }
}

public sealed class IncentiveApplicationConfiguration : IEntityTypeConfiguration<IncentiveApplication>
{
    public void Configure(EntityTypeBuilder<IncentiveApplication> builder)
    {
        builder.Property(a => a.JobTitle).HasMaxLength(200);
        builder.Property(a => a.OverrideReason).HasMaxLength(1000);
        builder.Property(a => a.DecisionNote).HasMaxLength(1000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.Job);
        builder.HasOne(a => a.Scheme).WithMany().HasForeignKey(a => a.SchemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Employer).WithMany().HasForeignKey(a => a.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Participant>().WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Payments).WithOne().HasForeignKey(p => p.ApplicationId);
        builder.HasIndex(a => new { a.LepId, a.Status });
    }
}
