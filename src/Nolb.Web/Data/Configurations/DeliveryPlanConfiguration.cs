using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain;
using Nolb.Web.Domain.DeliveryPlans;

namespace Nolb.Web.Data.Configurations;

public sealed class DeliveryPlanConfiguration : IEntityTypeConfiguration<DeliveryPlan>
{
    public void Configure(EntityTypeBuilder<DeliveryPlan> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.SubmittedByName).HasMaxLength(200);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Lep>().WithMany().HasForeignKey(p => p.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Sections).WithOne().HasForeignKey(s => s.PlanId);
        builder.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.PlanId);
        builder.HasMany(p => p.GovernanceLinks).WithOne().HasForeignKey(g => g.PlanId);
        builder.HasMany(p => p.Requirements).WithOne().HasForeignKey(r => r.PlanId);
        builder.HasMany(p => p.Alignments).WithOne().HasForeignKey(a => a.PlanId);
        builder.HasMany(p => p.Comments).WithOne().HasForeignKey(c => c.PlanId);
        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.PlanId);
        builder.HasIndex(p => new { p.LepId, p.PeriodStart });
    }
}

public sealed class PlanSectionConfiguration : IEntityTypeConfiguration<PlanSection>
{
    public void Configure(EntityTypeBuilder<PlanSection> builder)
    {
        builder.Property(s => s.Key).HasMaxLength(8);
        builder.HasIndex(s => new { s.PlanId, s.Key }).IsUnique();
    }
}

public sealed class PlanMemberConfiguration : IEntityTypeConfiguration<PlanMember>
{
    public void Configure(EntityTypeBuilder<PlanMember> builder)
    {
        builder.Property(m => m.Role).HasMaxLength(200);
        builder.Property(m => m.Remit).HasMaxLength(1000);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class GovernanceLinkConfiguration : IEntityTypeConfiguration<GovernanceLink>
{
    public void Configure(EntityTypeBuilder<GovernanceLink> builder)
    {
        builder.Property(g => g.GroupName).HasMaxLength(200);
        builder.Property(g => g.Relationship).HasMaxLength(1000);
    }
}

public sealed class NpfAlignmentConfiguration : IEntityTypeConfiguration<NpfAlignment>
{
    public void Configure(EntityTypeBuilder<NpfAlignment> builder) =>
        builder.HasIndex(a => new { a.PlanId, a.Outcome }).IsUnique();
}

public sealed class PlanCommentConfiguration : IEntityTypeConfiguration<PlanComment>
{
    public void Configure(EntityTypeBuilder<PlanComment> builder)
    {
        builder.Property(c => c.SectionKey).HasMaxLength(16);
        builder.Property(c => c.AuthorName).HasMaxLength(200);
        builder.Property(c => c.Text).HasMaxLength(2000);
        builder.HasIndex(c => new { c.PlanId, c.At });
    }
}

public sealed class PlanVersionConfiguration : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> builder)
    {
        builder.Property(v => v.SubmittedByName).HasMaxLength(200);
        builder.Property(v => v.ApprovedByName).HasMaxLength(200);
        builder.HasIndex(v => new { v.PlanId, v.Number }).IsUnique();
    }
}
