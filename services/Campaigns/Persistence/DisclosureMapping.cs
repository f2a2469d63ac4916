using AmbassadorNet.Campaigns.Domain.Disclosure;
using AmbassadorNet.Campaigns.Domain.Posts;
using AmbassadorNet.Persistence.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AmbassadorNet.Campaigns.Persistence;

/// <summary>
/// How disclosure maps to Migrations/0007_disclosure.sql: the brand's policy, and the check's columns
/// on posts (kept here, beside the policy, rather than in <see cref="CampaignMapping"/>'s post).
/// </summary>
internal sealed class DisclosureMapping : IEntityTypeConfiguration<DisclosurePolicy>, IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<DisclosurePolicy> policy)
    {
        policy.ToTable("disclosure_policies");
        policy.Property(p => p.Markers).AsJson();
        policy.Property(p => p.Version).IsConcurrencyToken();
        policy.HasIndex(p => p.BrandId).IsUnique();
        policy.Ignore(p => p.IsDefault);
    }

    public void Configure(EntityTypeBuilder<Post> post)
    {
        post.Property(p => p.DisclosureMarker).HasMaxLength(100);
        post.Property(p => p.DisclosureOverrideNote).HasMaxLength(PostDisclosure.MaxNote);
        post.HasIndex(p => new { p.BrandId, p.DisclosureStatus, p.PublishedAt });
    }
}
