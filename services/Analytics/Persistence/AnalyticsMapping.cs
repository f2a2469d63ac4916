using AmbassadorNet.Persistence.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AmbassadorNet.Analytics.Persistence;

/// <summary>How the read-model classes map to the tables of Migrations/0001_analytics.sql and those after it.</summary>
internal sealed class AnalyticsMapping :
    IEntityTypeConfiguration<DailyRollup>,
    IEntityTypeConfiguration<CampaignDailyRollup>,
    IEntityTypeConfiguration<AppliedFact>,
    IEntityTypeConfiguration<CampaignDimension>,
    IEntityTypeConfiguration<CreatorDimension>,
    IEntityTypeConfiguration<CampaignSpend>,
    IEntityTypeConfiguration<BudgetThreshold>,
    IEntityTypeConfiguration<PostDailyRollup>,
    IEntityTypeConfiguration<PostTotal>,
    IEntityTypeConfiguration<PostDimension>,
    IEntityTypeConfiguration<PostMetricSnapshot>,
    IEntityTypeConfiguration<ExperimentDimension>,
    IEntityTypeConfiguration<ExperimentAnnouncement>,
    IEntityTypeConfiguration<PaidAdDay>
{
    public void Configure(EntityTypeBuilder<ExperimentDimension> experiment)
    {
        experiment.ToTable("experiment_dims");
        experiment.HasKey(e => e.ExperimentId);
        experiment.Property(e => e.Name).HasMaxLength(200);
        experiment.Property(e => e.Variants).AsJson();
        experiment.Property(e => e.ControlVariant).HasMaxLength(40);
        experiment.Property(e => e.Assignment).HasMaxLength(20);
        experiment.Property(e => e.SignificanceLevel).HasPrecision(6, 4);
        experiment.Property(e => e.Status).HasMaxLength(20);
        experiment.HasIndex(e => e.BrandId);
        experiment.Ignore(e => e.IsRunning);
    }

    public void Configure(EntityTypeBuilder<ExperimentAnnouncement> announcement)
    {
        announcement.ToTable("experiment_announcements");
        announcement.HasKey(a => new { a.ExperimentId, a.Variant });
        announcement.Property(a => a.Variant).HasMaxLength(40);
    }

    public void Configure(EntityTypeBuilder<PaidAdDay> day)
    {
        day.ToTable("paid_ad_days");
        day.HasKey(d => new { d.BrandId, d.CampaignId, d.Channel, d.Day });
        day.Property(d => d.Channel).HasMaxLength(30);
        day.Property(d => d.Currency).HasMaxLength(3);
        day.HasIndex(d => new { d.BrandId, d.Day });
    }


    public void Configure(EntityTypeBuilder<PostMetricSnapshot> snapshot)
    {
        snapshot.ToTable("post_metric_snapshots");
        snapshot.HasKey(s => new { s.PostId, s.Day });
    }

    public void Configure(EntityTypeBuilder<PostTotal> total)
    {
        total.ToTable("post_totals");
        total.HasKey(t => new { t.BrandId, t.PostId, t.Currency });
        total.Property(t => t.Currency).HasMaxLength(3);
        total.Ignore(t => t.Day);
    }

    public void Configure(EntityTypeBuilder<PostDailyRollup> rollup)
    {
        rollup.ToTable("post_daily_rollups");
        rollup.HasKey(r => new { r.BrandId, r.PostId, r.Day, r.Currency });
        rollup.Property(r => r.Currency).HasMaxLength(3);
        rollup.HasIndex(r => new { r.BrandId, r.Day });
        rollup.HasIndex(r => new { r.CampaignId, r.Day });
    }

    public void Configure(EntityTypeBuilder<PostDimension> post)
    {
        post.ToTable("post_dims");
        post.HasKey(p => p.PostId);
        post.Property(p => p.Platform).HasMaxLength(20);
        post.Property(p => p.Format).HasMaxLength(20);
        post.Property(p => p.Market).HasMaxLength(2);
        post.Property(p => p.Language).HasMaxLength(2);
        post.Property(p => p.Variant).HasMaxLength(40);
        post.HasIndex(p => p.ExperimentId);
        post.HasIndex(p => new { p.BrandId, p.PublishedAt });
    }

    public void Configure(EntityTypeBuilder<DailyRollup> rollup)
    {
        rollup.ToTable("daily_rollups");
        rollup.HasKey(r => new { r.BrandId, r.CampaignId, r.CreatorId, r.Day, r.Currency });
        rollup.Property(r => r.Currency).HasMaxLength(3);
        rollup.HasIndex(r => new { r.BrandId, r.Day });
    }

    public void Configure(EntityTypeBuilder<CampaignDailyRollup> rollup)
    {
        rollup.ToTable("campaign_daily_rollups");
        rollup.HasKey(r => new { r.BrandId, r.CampaignId, r.Day, r.Currency });
        rollup.Property(r => r.Currency).HasMaxLength(3);
    }

    public void Configure(EntityTypeBuilder<AppliedFact> fact)
    {
        fact.ToTable("applied_facts");
        fact.HasKey(f => new { f.BrandId, f.Kind, f.FactKey });
        fact.Property(f => f.Kind).HasMaxLength(30);
        fact.Property(f => f.FactKey).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<CampaignDimension> campaign)
    {
        campaign.ToTable("campaign_dims");
        campaign.HasKey(c => c.CampaignId);
        campaign.Property(c => c.Name).HasMaxLength(200);
        campaign.Property(c => c.Currency).HasMaxLength(3);
        campaign.Property(c => c.Status).HasMaxLength(20);
        campaign.HasIndex(c => c.BrandId);
    }

    public void Configure(EntityTypeBuilder<CreatorDimension> creator)
    {
        creator.ToTable("creator_dims");
        creator.HasKey(c => c.CreatorId);
        creator.Property(c => c.DisplayName).HasMaxLength(200);
        creator.Property(c => c.Handle).HasMaxLength(100);
        creator.Property(c => c.Tier).HasMaxLength(20);
        creator.Property(c => c.Status).HasMaxLength(20);
        creator.Property(c => c.EngagementRate).HasPrecision(12, 6);
        creator.HasIndex(c => new { c.BrandId, c.Tier });
    }

    public void Configure(EntityTypeBuilder<CampaignSpend> spend)
    {
        spend.ToTable("campaign_spend");
        spend.HasKey(s => new { s.CampaignId, s.Currency });
        spend.Property(s => s.Currency).HasMaxLength(3);
    }

    public void Configure(EntityTypeBuilder<BudgetThreshold> threshold)
    {
        threshold.ToTable("budget_thresholds");
        threshold.HasKey(t => new { t.CampaignId, t.ThresholdPercent });
        threshold.Property(t => t.Currency).HasMaxLength(3);
    }
}
