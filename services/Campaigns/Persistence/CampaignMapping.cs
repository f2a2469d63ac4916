using AmbassadorNet.Persistence.Conventions;
using AmbassadorNet.Campaigns.Domain.Experiments;
using AmbassadorNet.Campaigns.Domain.Gifts;
using AmbassadorNet.Campaigns.Domain.Posts;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AmbassadorNet.Campaigns.Persistence;

/// <summary>How the campaigns entities map to the tables of Migrations/0001_campaigns.sql, 0002_posts.sql, 0003_post_metrics.sql, 0004_gifts.sql and those after them.</summary>
internal sealed class CampaignMapping :
    IEntityTypeConfiguration<Campaign>,
    IEntityTypeConfiguration<CampaignTermsVersion>,
    IEntityTypeConfiguration<Enrollment>,
    IEntityTypeConfiguration<Deliverable>,
    IEntityTypeConfiguration<CreatorReplica>,
    IEntityTypeConfiguration<Post>,
    IEntityTypeConfiguration<MetricSnapshot>,
    IEntityTypeConfiguration<Gift>,
    IEntityTypeConfiguration<Experiment>
{
    public void Configure(EntityTypeBuilder<Campaign> campaign)
    {
        campaign.ToTable("campaigns");
        campaign.Property(c => c.Name).HasMaxLength(200);
        campaign.Property(c => c.RequiredDisclosure).HasMaxLength(100);
        campaign.Property(c => c.Terms).AsJson();
        campaign.Property(c => c.Quotas).AsJson();
        campaign.Property(c => c.Version).IsConcurrencyToken();
        campaign.HasIndex(c => new { c.BrandId, c.CreatedAt });
        campaign.Ignore(c => c.IsLaunched);
    }

    public void Configure(EntityTypeBuilder<CampaignTermsVersion> version)
    {
        version.ToTable("campaign_terms_versions");
        version.Property(v => v.Terms).AsJson();
        version.HasOne<Campaign>().WithMany().HasForeignKey(v => v.CampaignId);
        version.HasIndex(v => new { v.CampaignId, v.TermsVersion }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Enrollment> enrollment)
    {
        enrollment.ToTable("enrollments");
        enrollment.Property(e => e.CommissionOverride).AsJson();
        enrollment.Property(e => e.EndReason).HasMaxLength(50);
        enrollment.Property(e => e.Version).IsConcurrencyToken();
        enrollment.HasOne<Campaign>().WithMany().HasForeignKey(e => e.CampaignId);
        enrollment.HasIndex(e => new { e.CampaignId, e.CreatorId }).IsUnique();
        enrollment.HasIndex(e => new { e.CreatorId, e.Status });
        enrollment.Ignore(e => e.IsCurrent);
    }

    public void Configure(EntityTypeBuilder<Deliverable> deliverable)
    {
        deliverable.ToTable("deliverables");
        deliverable.Property(d => d.SubmittedUrl).HasMaxLength(2000);
        deliverable.Property(d => d.ReviewNote).HasMaxLength(1000);
        deliverable.Property(d => d.FeeCurrency).HasMaxLength(3).IsFixedLength();
        deliverable.Property(d => d.Version).IsConcurrencyToken();
        deliverable.HasOne<Enrollment>().WithMany().HasForeignKey(d => d.EnrollmentId);
        deliverable.HasIndex(d => new { d.CampaignId, d.Type, d.SubmittedAt });
    }

    public void Configure(EntityTypeBuilder<CreatorReplica> creator)
    {
        creator.ToTable("creator_replicas");
        creator.HasKey(c => c.CreatorId);
        creator.Property(c => c.DisplayName).HasMaxLength(200);
        creator.Property(c => c.Handle).HasMaxLength(100);
        creator.Property(c => c.EngagementRate).HasPrecision(12, 6);
        creator.Property(c => c.FollowersByPlatform).AsJson();
        creator.Property(c => c.Version).IsConcurrencyToken();
        creator.HasIndex(c => new { c.BrandId, c.Status, c.Tier });
        creator.Ignore(c => c.IsApproved);
    }

    public void Configure(EntityTypeBuilder<Post> post)
    {
        post.ToTable("posts");
        post.Property(p => p.Platform).HasMaxLength(20);
        post.Property(p => p.Url).HasMaxLength(PostUrls.MaxLength);
        post.Property(p => p.Language).HasMaxLength(2).IsFixedLength();
        post.Property(p => p.Market).HasMaxLength(2).IsFixedLength();
        post.Property(p => p.Caption).HasMaxLength(Post.MaxCaption);
        post.Property(p => p.Version).IsConcurrencyToken();
        post.HasOne<Enrollment>().WithMany().HasForeignKey(p => p.EnrollmentId);
        post.HasOne<Deliverable>().WithMany().HasForeignKey(p => p.DeliverableId);
        post.HasOne<Experiment>().WithMany().HasForeignKey(p => p.ExperimentId);
        post.Property(p => p.Variant).HasMaxLength(ExperimentRules.MaxKey);
        post.HasIndex(p => new { p.ExperimentId, p.Variant });
        post.HasIndex(p => new { p.BrandId, p.Url }).IsUnique();
        post.HasIndex(p => new { p.BrandId, p.PublishedAt });
        post.HasIndex(p => new { p.CampaignId, p.PublishedAt });
        post.HasIndex(p => new { p.CreatorId, p.PublishedAt });
    }

    public void Configure(EntityTypeBuilder<MetricSnapshot> snapshot)
    {
        snapshot.ToTable("post_metric_snapshots");
        snapshot.HasKey(s => new { s.PostId, s.Day });
        snapshot.HasOne<Post>().WithMany().HasForeignKey(s => s.PostId);
        snapshot.Ignore(s => s.Counts);
    }

    public void Configure(EntityTypeBuilder<Experiment> experiment)
    {
        experiment.ToTable("experiments");
        experiment.Property(e => e.Name).HasMaxLength(200);
        experiment.Property(e => e.Hypothesis).HasMaxLength(1000);
        experiment.Property(e => e.Variants).AsJson();
        experiment.Property(e => e.ControlVariant).HasMaxLength(ExperimentRules.MaxKey);
        experiment.Property(e => e.SignificanceLevel).HasPrecision(6, 4);
        experiment.Property(e => e.EndReason).HasMaxLength(20);
        experiment.Property(e => e.Version).IsConcurrencyToken();
        experiment.HasOne<Campaign>().WithMany().HasForeignKey(e => e.CampaignId);
        experiment.HasIndex(e => new { e.CampaignId, e.CreatedAt });
    }

    public void Configure(EntityTypeBuilder<Gift> gift)
    {
        gift.ToTable("gifts");
        gift.Property(g => g.Product).HasMaxLength(200);
        gift.Property(g => g.Sku).HasMaxLength(64);
        gift.Property(g => g.Currency).HasMaxLength(3).IsFixedLength();
        gift.Property(g => g.Version).IsConcurrencyToken();
        gift.HasOne<Enrollment>().WithMany().HasForeignKey(g => g.EnrollmentId);
        gift.HasOne<Post>().WithMany().HasForeignKey(g => g.PostId);
        gift.HasIndex(g => new { g.BrandId, g.CreatedAt });
        gift.HasIndex(g => g.CampaignId);
        gift.Ignore(g => g.TotalValue);
    }
}
