using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain.CaseNotes;
using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Data.Configurations;

public sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> builder)
    {
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.Property(n => n.Text).HasMaxLength(CaseNote.TextLength);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(n => n.EngagementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CaseNote>().WithMany().HasForeignKey(n => n.CorrectsNoteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Security.NolbUser>().WithMany().HasForeignKey(n => n.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Lep>().WithMany().HasForeignKey(n => n.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(n => n.IsSensitive);
        builder.HasIndex(n => new { n.EngagementId, n.Date });
    }
}
