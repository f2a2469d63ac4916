using AmbassadorNet.Campaigns.Domain.Exclusivity;
using AmbassadorNet.Persistence.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AmbassadorNet.Campaigns.Persistence;

/// <summary>
/// How exclusivity maps to Migrations/0009_exclusivity.sql: the brand's policy, creators' declared
/// exclusivities, and the columns it adds to campaigns and enrollments (kept here, beside the rest).
/// </summary>
internal sealed class ExclusivityMapping :
    IEntityTypeConfiguration<ExclusivityPolicy>, IEntityTypeConfiguration<CreatorExclusivity>, IEntityTypeConfiguration<Campaign>, IEntityTypeConfiguration<Enrollment>
{
    public void Configure(EntityTypeBuilder<ExclusivityPolicy> policy)
    {
        policy.ToTable("exclusivity_policies");
        policy.Property(p => p.ConflictingCategories).AsJson();
        policy.Property(p => p.Version).IsConcurrencyToken();
        policy.HasIndex(p => p.BrandId).IsUnique();
        policy.Ignore(p => p.IsDefault);
    }

    public void Configure(EntityTypeBuilder<CreatorExclusivity> exclusivity)
    {
        exclusivity.ToTable("creator_exclusivities");
        exclusivity.Property(e => e.Category).HasMaxLength(ProductCategory.MaxLength);
        exclusivity.HasIndex(e => new { e.CreatorId, e.EndsOn });
        exclusivity.HasIndex(e => new { e.BrandId, e.CreatedAt });
    }

    public void Configure(EntityTypeBuilder<Campaign> campaign) => campaign.Property(c => c.ProductCategory).HasMaxLength(ProductCategory.MaxLength);

    public void Configure(EntityTypeBuilder<Enrollment> enrollment) => enrollment.Property(e => e.ExclusivityConflicts).AsJson();
}
