using AmbassadorNet.Commissions;
using AmbassadorNet.Persistence.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AmbassadorNet.Payouts.Persistence;

/// <summary>How the payouts entities map to the tables of Migrations/0001_payouts.sql and 0005_gift_receipts.sql (payout runs: PayoutRunMapping).</summary>
internal sealed class PayoutsMapping :
    IEntityTypeConfiguration<CampaignTermsVersion>,
    IEntityTypeConfiguration<EnrollmentVersion>,
    IEntityTypeConfiguration<LedgerAccount>,
    IEntityTypeConfiguration<JournalTransaction>,
    IEntityTypeConfiguration<JournalEntry>,
    IEntityTypeConfiguration<CommissionAccrual>,
    IEntityTypeConfiguration<CommissionReversal>,
    IEntityTypeConfiguration<PayoutSetting>,
    IEntityTypeConfiguration<PayoutHold>,
    IEntityTypeConfiguration<LedgerAdjustment>,
    IEntityTypeConfiguration<UncheckedTransaction>,
    IEntityTypeConfiguration<GiftReceipt>
{
    public void Configure(EntityTypeBuilder<GiftReceipt> gift)
    {
        gift.ToTable("gift_receipts");
        gift.HasKey(g => g.GiftId);
        gift.Property(g => g.Currency).HasMaxLength(3).IsFixedLength();
        gift.HasIndex(g => new { g.BrandId, g.DeliveredOn });
    }

    public void Configure(EntityTypeBuilder<CampaignTermsVersion> terms)
    {
        terms.ToTable("campaign_terms_versions");
        terms.Property(t => t.Currency).HasMaxLength(3).IsFixedLength();
        terms.Property(t => t.CommissionPlan).AsJson();
        terms.HasIndex(t => new { t.CampaignId, t.TermsVersion }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<EnrollmentVersion> enrollment)
    {
        enrollment.ToTable("enrollment_versions");
        enrollment.Property(e => e.Status).HasMaxLength(20);
        enrollment.Property(e => e.CommissionOverride).AsJson();
        enrollment.HasIndex(e => new { e.EnrollmentId, e.Version }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<LedgerAccount> account)
    {
        account.ToTable("ledger_accounts");
        account.Property(a => a.Currency).HasMaxLength(3).IsFixedLength();
        account.Property(a => a.Kind).HasMaxLength(40);
        account.HasIndex(a => new { a.BrandId, a.Currency, a.Kind, a.CreatorId }).IsUnique().AreNullsDistinct(false);
        account.HasIndex(a => a.CreatorId);
    }

    public void Configure(EntityTypeBuilder<JournalTransaction> transaction)
    {
        transaction.ToTable("journal_transactions", t => t.HasCheckConstraint(
            "ck_journal_transactions_one_cause", "num_nonnulls(caused_by_key_id, caused_by_message_id, caused_by_job) = 1"));
        transaction.Property(t => t.CauseType).HasMaxLength(40);
        transaction.Property(t => t.CauseRef).HasMaxLength(200);
        transaction.Property(t => t.CausedByJob).HasMaxLength(50);
        transaction.Property(t => t.Description).HasMaxLength(500);
        transaction.HasIndex(t => new { t.BrandId, t.CauseType, t.CauseId, t.CauseRef }).IsUnique();
        transaction.HasIndex(t => new { t.BrandId, t.PostedAt });
    }

    public void Configure(EntityTypeBuilder<JournalEntry> entry)
    {
        entry.ToTable("journal_entries");
        entry.Property(e => e.Currency).HasMaxLength(3).IsFixedLength();
        // No foreign keys: the commit-time check of Migrations/0003 proves the account and transaction exist, as a set.
        entry.HasIndex(e => e.TransactionId);
        entry.HasIndex(e => e.AccountId);
    }

    public void Configure(EntityTypeBuilder<CommissionAccrual> accrual)
    {
        accrual.ToTable("commission_accruals");
        accrual.HasKey(a => a.ConversionId);
        accrual.Property(a => a.OrderId).HasMaxLength(200);
        accrual.Property(a => a.Currency).HasMaxLength(3).IsFixedLength();
        accrual.Property(a => a.PlanKind).HasMaxLength(20).HasConversion<SnakeCaseEnumConverter<PlanKind>>();
        accrual.HasIndex(a => a.ReleasableAt).HasFilter("released_at IS NULL");
        accrual.Ignore(a => a.IsReleased);
    }

    public void Configure(EntityTypeBuilder<CommissionReversal> reversal)
    {
        reversal.ToTable("commission_reversals");
        reversal.Property(r => r.RefundId).HasMaxLength(200);
        reversal.HasIndex(r => new { r.ConversionId, r.RefundId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<PayoutSetting> setting)
    {
        setting.ToTable("payout_settings");
        setting.HasKey(s => new { s.BrandId, s.Currency });
        setting.Property(s => s.Currency).HasMaxLength(3).IsFixedLength();
    }

    public void Configure(EntityTypeBuilder<PayoutHold> hold)
    {
        hold.ToTable("payout_holds");
        hold.Property(h => h.Reason).HasMaxLength(500);
        hold.HasIndex(h => new { h.BrandId, h.CreatorId });
    }

    public void Configure(EntityTypeBuilder<LedgerAdjustment> adjustment)
    {
        adjustment.ToTable("ledger_adjustments");
        adjustment.Property(a => a.Currency).HasMaxLength(3).IsFixedLength();
        adjustment.Property(a => a.Reason).HasMaxLength(500);
        adjustment.HasIndex(a => new { a.BrandId, a.RequestedAt });
    }

    public void Configure(EntityTypeBuilder<UncheckedTransaction> queued)
    {
        queued.ToTable("ledger_unchecked_transactions");
        queued.HasKey(q => q.TransactionId);
    }
}
