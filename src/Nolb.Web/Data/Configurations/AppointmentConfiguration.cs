using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain.Appointments;
using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Data.Configurations;

public sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.Place).HasMaxLength(Appointment.PlaceLength);
        builder.Property(a => a.WithWhom).HasMaxLength(Appointment.WithWhomLength);
        builder.Property(a => a.Purpose).HasMaxLength(Appointment.PurposeLength);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(a => a.EngagementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Security.NolbUser>().WithMany().HasForeignKey(a => a.StaffUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Lep>().WithMany().HasForeignKey(a => a.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.EndsAt);
        builder.HasIndex(a => new { a.EngagementId, a.StartsAt });
        builder.HasIndex(a => new { a.StaffUserId, a.StartsAt });
    }
}
