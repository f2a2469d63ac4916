using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServiceDefaults.Tests.Sample;

internal sealed class ShopMapping : IEntityTypeConfiguration<Product>, IEntityTypeConfiguration<ProductReplica>
{
    public void Configure(EntityTypeBuilder<Product> product)
    {
        product.ToTable("products");
        product.Property(p => p.Name).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<ProductReplica> replica)
    {
        replica.ToTable("product_replicas");
        replica.Property(p => p.Name).HasMaxLength(100);
        replica.Property(p => p.Id).ValueGeneratedNever();
    }
}
