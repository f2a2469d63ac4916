using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AmbassadorNet.Tracking.Persistence;

/// <summary>How the tracking entities map to the tables of Migrations/0001, 0003, 0004 and 0005 (conversions: ConversionMapping).</summary>
internal sealed class TrackingMapping :
    IEntityTypeConfiguration<CampaignReplica>,
    IEntityTypeConfiguration<EnrollmentReplica>,
    IEntityTypeConfiguration<TrackingLink>,
    IEntityTypeConfiguration<PromoCode>,
    IEntityTypeConfiguration<Click>,
    IEntityTypeConfiguration<AttributionGeneration>,
    IEntityTypeConfiguration<PostReplica>,
    IEntityTypeConfiguration<ErasedCreator>
{
    public void Configure(EntityTypeBuilder<ErasedCreator> erased)
    {
        erased.ToTable("erased_creators");
        erased.HasKey(e => e.CreatorId);
    }

    public void Configure(EntityTypeBuilder<PostReplica> post)
    {
        post.ToTable("post_replicas");
        post.HasKey(p => p.PostId);
    }

    public void Configure(EntityTypeBuilder<AttributionGeneration> generation)
    {
        generation.ToTable("attribution_generations");
        generation.HasKey(g => g.BrandId);
    }

    public void Configure(EntityTypeBuilder<CampaignReplica> campaign)
    {
        campaign.ToTable("campaign_replicas");
        campaign.HasKey(c => c.CampaignId);
        campaign.Property(c => c.Name).HasMaxLength(200);
        campaign.Property(c => c.Status).HasMaxLength(20);
        campaign.Property(c => c.DestinationUrl).HasMaxLength(2000);
        campaign.Property(c => c.Currency).HasMaxLength(3).IsFixedLength();
        campaign.Ignore(c => c.Earns);
    }

    public void Configure(EntityTypeBuilder<EnrollmentReplica> enrollment)
    {
        enrollment.ToTable("enrollment_replicas");
        enrollment.HasKey(e => e.EnrollmentId);
        enrollment.Property(e => e.Handle).HasMaxLength(100);
        enrollment.Property(e => e.Status).HasMaxLength(50);
        enrollment.Ignore(e => e.IsActive);
    }

    public void Configure(EntityTypeBuilder<TrackingLink> link)
    {
        link.ToTable("tracking_links");
        link.Property(l => l.Code).HasMaxLength(32);
        link.HasIndex(l => l.Code).IsUnique();
        link.HasIndex(l => new { l.BrandId, l.CreatedAt });
        link.HasIndex(l => l.EnrollmentId);
        link.HasIndex(l => l.PostId);
    }

    public void Configure(EntityTypeBuilder<PromoCode> code)
    {
        code.ToTable("promo_codes");
        code.Property(c => c.Code).HasMaxLength(32);
        code.Property(c => c.NormalizedCode).HasMaxLength(32);
        code.HasIndex(c => new { c.BrandId, c.NormalizedCode }).IsUnique();
        code.HasIndex(c => new { c.BrandId, c.CreatedAt });
        code.HasIndex(c => c.PostId);
    }

    public void Configure(EntityTypeBuilder<Click> click)
    {
        click.ToTable("clicks");
        click.Property(c => c.IpHash).HasMaxLength(64);
        click.Property(c => c.UserAgent).HasMaxLength(512);
        click.Property(c => c.ReferrerHost).HasMaxLength(255);
        click.HasIndex(c => c.ClickedAt);
        click.HasIndex(c => new { c.LinkId, c.ClickedAt });
        click.HasIndex(c => c.BatchId);
    }
}
