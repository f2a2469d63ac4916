using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AmbassadorNet.Tracking.Persistence;

/// <summary>How conversions, refunds and the monthly rank counter map to Migrations/0002_conversions.sql.</summary>
internal sealed class ConversionMapping :
    IEntityTypeConfiguration<Conversion>,
    IEntityTypeConfiguration<ConversionRefund>,
    IEntityTypeConfiguration<ConversionMonthRank>
{
    public void Configure(EntityTypeBuilder<Conversion> conversion)
    {
        conversion.ToTable("conversions");
        conversion.Property(c => c.OrderId).HasMaxLength(64);
        conversion.Property(c => c.Currency).HasMaxLength(3).IsFixedLength();
        conversion.Property(c => c.PromoCode).HasMaxLength(64);
        conversion.Property(c => c.CustomerId).HasMaxLength(100);
        conversion.Property(c => c.Status).HasMaxLength(20);
        conversion.Property(c => c.Method).HasMaxLength(20);
        conversion.Property(c => c.Reason).HasMaxLength(40);
        conversion.HasIndex(c => new { c.BrandId, c.OrderId }).IsUnique();
        conversion.HasIndex(c => new { c.BrandId, c.OrderedAt });
        conversion.HasIndex(c => c.EnrollmentId);
        conversion.HasIndex(c => c.PostId);
    }

    public void Configure(EntityTypeBuilder<ConversionRefund> refund)
    {
        refund.ToTable("conversion_refunds");
        refund.Property(r => r.OrderId).HasMaxLength(64);
        refund.Property(r => r.RefundId).HasMaxLength(64);
        refund.Property(r => r.Currency).HasMaxLength(3).IsFixedLength();
        refund.HasOne<Conversion>().WithMany().HasForeignKey(r => r.ConversionId);
        refund.HasIndex(r => new { r.BrandId, r.OrderId, r.RefundId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ConversionMonthRank> rank)
    {
        rank.ToTable("conversion_month_ranks");
        rank.HasKey(r => new { r.BrandId, r.EnrollmentId, r.Month });
    }
}
