using AmbassadorNet.Campaigns.Domain.Agreements;
using AmbassadorNet.Campaigns.Domain.Posts;
using AmbassadorNet.Campaigns.Domain.UsageRights;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AmbassadorNet.Campaigns.Persistence;

/// <summary>
/// How usage rights map to Migrations/0010_usage_rights.sql: grants (an agreement version's or a post's
/// own), the record of a post's own being set, the brand's policy, and the notices sent (written by the
/// job's SQL alone).
/// </summary>
internal sealed class UsageRightsMapping :
    IEntityTypeConfiguration<UsageGrant>, IEntityTypeConfiguration<PostUsageRights>, IEntityTypeConfiguration<UsageRightsPolicy>, IEntityTypeConfiguration<UsageRightsNotice>,
    IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<UsageGrant> grant)
    {
        grant.ToTable("usage_grants");
        grant.HasOne<Post>().WithMany().HasForeignKey(g => g.PostId);
        grant.HasIndex(g => g.PostId);
        grant.HasIndex(g => g.AgreementId);
        grant.HasIndex(g => new { g.BrandId, g.EndsOn });
        grant.Ignore(g => g.IsWorldwide);
        grant.Ignore(g => g.Period);
    }

    public void Configure(EntityTypeBuilder<PostUsageRights> rights)
    {
        rights.ToTable("post_usage_rights");
        rights.HasOne<Post>().WithOne().HasForeignKey<PostUsageRights>(r => r.Id);
        rights.Property(r => r.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<UsageRightsPolicy> policy)
    {
        policy.ToTable("usage_rights_policies");
        policy.Property(p => p.Version).IsConcurrencyToken();
        policy.HasIndex(p => p.BrandId).IsUnique();
        policy.Ignore(p => p.IsDefault);
        policy.Ignore(p => p.ExpiringWithinDays);
    }

    public void Configure(EntityTypeBuilder<UsageRightsNotice> notice)
    {
        notice.ToTable("usage_rights_notices");
        notice.HasKey(n => new { n.PostId, n.EndsOn, n.DaysBefore });
        notice.HasOne<Post>().WithMany().HasForeignKey(n => n.PostId);
    }

    /// <summary>An agreement version's grants, saved with it (kept here, beside the grants, rather than in <see cref="AgreementMapping"/>).</summary>
    public void Configure(EntityTypeBuilder<Agreement> agreement) =>
        agreement.HasMany(a => a.UsageRights).WithOne().HasForeignKey(g => g.AgreementId);
}
