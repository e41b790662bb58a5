using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Security;

namespace Nolb.Web.Data.Configurations;

public sealed class NolbUserConfiguration : IEntityTypeConfiguration<NolbUser>
{
    public void Configure(EntityTypeBuilder<NolbUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.HasOne(u => u.Lep).WithMany().HasForeignKey(u => u.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.LepId, u.Role });
        builder.HasOne<Domain.Participants.Participant>().WithMany().HasForeignKey(u => u.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.ParticipantId).IsUnique();
    }
}
