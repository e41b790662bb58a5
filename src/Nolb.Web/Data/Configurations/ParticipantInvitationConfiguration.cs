using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.Voice;

namespace Nolb.Web.Data.Configurations;

public sealed class ParticipantInvitationConfiguration : IEntityTypeConfiguration<ParticipantInvitation>
{
    public void Configure(EntityTypeBuilder<ParticipantInvitation> builder)
    {
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasOne<Participant>().WithMany().HasForeignKey(i => i.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}
