using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain.DataRights;
using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Data.Configurations;

public sealed class ParticipantChangeConfiguration : IEntityTypeConfiguration<ParticipantChange>
{
    public void Configure(EntityTypeBuilder<ParticipantChange> builder)
    {
        builder.Property(c => c.Field).HasMaxLength(100);
        builder.Property(c => c.OldValue).HasMaxLength(ParticipantChange.ValueLength);
        builder.Property(c => c.NewValue).HasMaxLength(ParticipantChange.ValueLength);
        builder.Property(c => c.Reason).HasMaxLength(ParticipantChange.ReasonLength);
        builder.HasOne<Participant>().WithMany().HasForeignKey(c => c.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.ParticipantId, c.ChangedAt });
    }
}

public sealed class SubjectAccessRequestConfiguration : IEntityTypeConfiguration<SubjectAccessRequest>
{
    public void Configure(EntityTypeBuilder<SubjectAccessRequest> builder)
    {
        builder.Property(r => r.Notes).HasMaxLength(SubjectAccessRequest.TextLength);
        builder.Property(r => r.RedactionReason).HasMaxLength(SubjectAccessRequest.TextLength);
        builder.PrimitiveCollection(r => r.RedactedNoteIds);
        builder.PrimitiveCollection(r => r.RedactedPassages);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsReleased);
        builder.Ignore(r => r.DueOn);
        builder.HasOne<Participant>().WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.ParticipantId);
    }
}

public sealed class ErasureRequestConfiguration : IEntityTypeConfiguration<ErasureRequest>
{
    public void Configure(EntityTypeBuilder<ErasureRequest> builder)
    {
        builder.Property(r => r.Reason).HasMaxLength(ErasureRequest.ReasonLength);
        builder.HasOne<Participant>().WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.ParticipantId);
        builder.HasIndex(r => r.DecidedAt);
    }
}
