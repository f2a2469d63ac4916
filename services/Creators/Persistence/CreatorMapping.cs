using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AmbassadorNet.Creators.Persistence;

/// <summary>How the creator entities map to the tables of Migrations/0001_creators.sql and 0002_payout_profile_proposals.sql.</summary>
internal sealed class CreatorMapping :
    IEntityTypeConfiguration<Creator>,
    IEntityTypeConfiguration<SocialAccount>,
    IEntityTypeConfiguration<StatSnapshot>,
    IEntityTypeConfiguration<TierChange>,
    IEntityTypeConfiguration<PayoutProfileProposal>
{
    public void Configure(EntityTypeBuilder<Creator> creator)
    {
        creator.ToTable("creators");
        creator.Property(c => c.DisplayName).HasMaxLength(200);
        creator.Property(c => c.Email).HasMaxLength(320);
        creator.Property(c => c.EmailNormalized).HasMaxLength(320);
        creator.Property(c => c.Country).HasMaxLength(2).IsFixedLength();
        creator.Property(c => c.EngagementRate).HasPrecision(12, 6);
        creator.Property(c => c.Version).IsConcurrencyToken();
        creator.HasIndex(c => new { c.BrandId, c.EmailNormalized }).IsUnique().HasFilter("email_normalized IS NOT NULL");
        creator.HasIndex(c => new { c.BrandId, c.CreatedAt });
        creator.HasIndex(c => new { c.BrandId, c.Followers });
        creator.HasIndex(c => new { c.BrandId, c.EngagementRate });
        creator.HasMany(c => c.Accounts).WithOne().HasForeignKey(a => a.CreatorId);
        creator.OwnsOne(c => c.PayoutProfile, profile =>
        {
            profile.ToTable("payout_profiles");
            profile.WithOwner().HasForeignKey(p => p.CreatorId);
            profile.HasKey(p => p.CreatorId);
            profile.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
            profile.Property(p => p.PayeeReference).HasMaxLength(100);
            profile.Ignore(p => p.IsComplete);
        });
        creator.Ignore(c => c.IsErased);
        creator.HasIndex(c => c.Niches).HasMethod("gin"); // "has this niche" searches
    }

    public void Configure(EntityTypeBuilder<SocialAccount> account)
    {
        account.ToTable("social_accounts");
        account.Property(a => a.Handle).HasMaxLength(100);
        account.Property(a => a.HandleNormalized).HasMaxLength(100);
        account.Property(a => a.Url).HasMaxLength(500);
        account.Property(a => a.EngagementRate).HasPrecision(12, 6);
        account.HasIndex(a => new { a.BrandId, a.Platform, a.HandleNormalized }).IsUnique();
        account.HasIndex(a => new { a.CreatorId, a.Platform }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<StatSnapshot> snapshot)
    {
        snapshot.ToTable("stat_snapshots");
        snapshot.Property(s => s.EngagementRate).HasPrecision(12, 6);
        snapshot.HasIndex(s => new { s.CreatorId, s.MeasuredAt });
        snapshot.HasOne<SocialAccount>().WithMany().HasForeignKey(s => s.AccountId);
    }

    public void Configure(EntityTypeBuilder<TierChange> change)
    {
        change.ToTable("tier_changes");
        change.HasIndex(c => new { c.CreatorId, c.ChangedAt });
        change.HasOne<Creator>().WithMany().HasForeignKey(c => c.CreatorId);
    }

    public void Configure(EntityTypeBuilder<PayoutProfileProposal> proposal)
    {
        proposal.ToTable("payout_profile_proposals");
        proposal.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        proposal.Property(p => p.PayeeReference).HasMaxLength(100);
        proposal.Property(p => p.Note).HasMaxLength(PayoutProfileProposal.MaxNote);
        proposal.Property(p => p.Version).IsConcurrencyToken();
        proposal.HasOne<Creator>().WithMany().HasForeignKey(p => p.CreatorId);
        proposal.HasIndex(p => new { p.CreatorId, p.ProposedAt });
        // One pending proposal per creator, even when two are made at the same moment.
        proposal.HasIndex(p => p.CreatorId).IsUnique().HasFilter("status = 'pending'");
    }
}
