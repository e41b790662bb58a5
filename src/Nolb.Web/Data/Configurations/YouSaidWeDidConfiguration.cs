using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Voice;

namespace Nolb.Web.Data.Configurations;

public sealed class YouSaidWeDidConfiguration : IEntityTypeConfiguration<YouSaidWeDid>
{
    public void Configure(EntityTypeBuilder<YouSaidWeDid> builder)
    {
        builder.ToTable("YouSaidWeDid");
        builder.Property(e => e.YouSaid).HasMaxLength(YouSaidWeDid.MaxTextLength);
        builder.Property(e => e.WeDid).HasMaxLength(YouSaidWeDid.MaxTextLength);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(e => e.Themes);
        builder.HasOne<Lep>().WithMany().HasForeignKey(e => e.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.LepId, e.ChangedOn });
    }
}
