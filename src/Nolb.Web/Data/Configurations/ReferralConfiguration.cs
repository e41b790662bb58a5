using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain.Referrals;

namespace Nolb.Web.Data.Configurations;

public sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.Property(r => r.DeclineNote).HasMaxLength(1000);
        builder.Property(r => r.OutcomeNote).HasMaxLength(1000);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.OwnsOne(r => r.Shared, s =>
        {
            s.Property(x => x.Name).HasMaxLength(200);
            s.Property(x => x.Phone).HasMaxLength(30);
            s.Property(x => x.Email).HasMaxLength(256);
            s.Property(x => x.Address).HasMaxLength(300);
            s.Property(x => x.Postcode).HasMaxLength(8);
            s.Ignore(x => x.IsEmpty);
        });
        builder.Navigation(r => r.Shared).IsRequired();
        builder.Ignore(r => r.AwaitingAction);
        builder.HasOne<Domain.Lep>().WithMany().HasForeignKey(r => r.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Participants.Participant>().WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.ServiceDirectory.DirectoryService>().WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Organisation>().WithMany().HasForeignKey(r => r.ToOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Organisation>().WithMany().HasForeignKey(r => r.FromOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Security.NolbUser>().WithMany().HasForeignKey(r => r.SentByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ToOrganisationId, r.Status });
        builder.HasIndex(r => new { r.LepId, r.Direction, r.Status });
        builder.HasIndex(r => r.ParticipantId);
        // The indicator engine and the quarterly return read one LEP's records by date (bench/README.md shows the timings).
        builder.HasIndex(r => new { r.LepId, r.SentAt });
    }
}
