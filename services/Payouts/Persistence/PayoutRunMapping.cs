using AmbassadorNet.Persistence.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AmbassadorNet.Payouts.Persistence;

/// <summary>How the payout run entities map to the tables of Migrations/0002_payout_runs.sql (and 0010's entry sets).</summary>
internal sealed class PayoutRunMapping :
    IEntityTypeConfiguration<CreatorPayoutProfile>,
    IEntityTypeConfiguration<PayoutRun>,
    IEntityTypeConfiguration<PayoutBatch>,
    IEntityTypeConfiguration<PayoutLine>,
    IEntityTypeConfiguration<PayoutLineEntrySet>,
    IEntityTypeConfiguration<SettlementImport>
{
    public void Configure(EntityTypeBuilder<CreatorPayoutProfile> profile)
    {
        profile.ToTable("creator_payout_profiles");
        profile.HasKey(p => p.CreatorId);
        profile.Property(p => p.Method).HasMaxLength(40);
        profile.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        profile.Property(p => p.PayeeReference).HasMaxLength(200);
        profile.Property(p => p.TaxFormStatus).HasMaxLength(20);
    }

    public void Configure(EntityTypeBuilder<PayoutRun> run)
    {
        run.ToTable("payout_runs");
        run.Property(r => r.Exclusions).AsJson();
        run.HasIndex(r => new { r.BrandId, r.PeriodEnd }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<PayoutBatch> batch)
    {
        batch.ToTable("payout_batches");
        batch.Property(b => b.Currency).HasMaxLength(3).IsFixedLength();
        batch.Property(b => b.Status).HasMaxLength(20);
        batch.HasOne<PayoutRun>().WithMany().HasForeignKey(b => b.RunId);
        batch.HasIndex(b => new { b.RunId, b.Currency }).IsUnique();
        batch.HasIndex(b => new { b.BrandId, b.CreatedAt });
    }

    public void Configure(EntityTypeBuilder<PayoutLine> line)
    {
        line.ToTable("payout_lines", t => t.HasCheckConstraint("ck_payout_lines_amount", "amount > 0"));
        line.Property(l => l.Currency).HasMaxLength(3).IsFixedLength();
        line.Property(l => l.PayeeReference).HasMaxLength(200);
        line.Property(l => l.Status).HasMaxLength(20);
        line.Property(l => l.ProviderReference).HasMaxLength(200);
        line.Property(l => l.FailureReason).HasMaxLength(500);
        line.HasOne<PayoutBatch>().WithMany().HasForeignKey(l => l.BatchId);
        line.HasIndex(l => l.BatchId);
        line.HasIndex(l => l.CreatorId);
    }

    public void Configure(EntityTypeBuilder<PayoutLineEntrySet> set)
    {
        set.ToTable("payout_line_entry_sets", t => t.HasCheckConstraint("ck_payout_line_entry_sets_entry_ids", "cardinality(entry_ids) > 0"));
        set.HasKey(s => s.LineId);
        // No foreign keys: statement-level triggers of Migrations/0010 check the line and the account, as a set.
        set.HasIndex(s => s.AccountId);
    }

    public void Configure(EntityTypeBuilder<SettlementImport> import)
    {
        import.ToTable("settlement_imports");
        import.Property(i => i.FileSha256).HasMaxLength(64).IsFixedLength();
        import.Property(i => i.Report).AsJson();
        import.HasOne<PayoutBatch>().WithMany().HasForeignKey(i => i.BatchId);
        import.HasIndex(i => new { i.BatchId, i.FileSha256 }).IsUnique();
    }
}
