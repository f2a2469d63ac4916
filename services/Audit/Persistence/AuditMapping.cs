using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AmbassadorNet.Audit.Persistence;

/// <summary>How the audit entities map to the tables of Migrations/0001_audit.sql.</summary>
internal sealed class AuditMapping :
    IEntityTypeConfiguration<AuditEntry>,
    IEntityTypeConfiguration<AuditPersonal>,
    IEntityTypeConfiguration<AuditHead>,
    IEntityTypeConfiguration<AuditAnchor>,
    IEntityTypeConfiguration<AuditErasure>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("audit_entries");
        entry.HasKey(e => new { e.BrandId, e.Seq });
        entry.Property(e => e.Seq).ValueGeneratedNever();
        entry.Property(e => e.Service).HasMaxLength(50);
        entry.Property(e => e.RequestId).HasMaxLength(200);
        entry.Property(e => e.CallerKind).HasMaxLength(20);
        entry.Property(e => e.Action).HasMaxLength(200);
        entry.Property(e => e.Method).HasMaxLength(10);
        entry.Property(e => e.Route).HasMaxLength(500);
        entry.Property(e => e.SubjectType).HasMaxLength(100);
        entry.Property(e => e.SubjectId).HasMaxLength(200);
        entry.Property(e => e.Operation).HasMaxLength(10);
        entry.Property(e => e.Changes).HasColumnType("jsonb");
        entry.HasIndex(e => e.Id).IsUnique();
        entry.HasIndex(e => new { e.BrandId, e.SubjectType, e.SubjectId });
        entry.HasIndex(e => new { e.BrandId, e.OccurredAt });
    }

    public void Configure(EntityTypeBuilder<AuditPersonal> personal)
    {
        personal.ToTable("audit_personal");
        personal.HasKey(p => p.EntryId);
        personal.Property(p => p.EntryId).ValueGeneratedNever();
        personal.Property(p => p.Data).HasColumnType("jsonb");
        personal.HasIndex(p => new { p.BrandId, p.CreatorId }).HasFilter("creator_id IS NOT NULL");
        personal.HasIndex(p => new { p.BrandId, p.MemberId }).HasFilter("member_id IS NOT NULL");
    }

    public void Configure(EntityTypeBuilder<AuditHead> head)
    {
        head.ToTable("audit_heads");
        head.HasKey(h => h.BrandId);
    }

    public void Configure(EntityTypeBuilder<AuditAnchor> anchor)
    {
        anchor.ToTable("audit_anchors");
        anchor.HasIndex(a => new { a.BrandId, a.Seq }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<AuditErasure> erasure)
    {
        erasure.ToTable("audit_erasures");
        erasure.HasKey(e => new { e.BrandId, e.SubjectKind, e.SubjectId });
        erasure.Property(e => e.SubjectKind).HasMaxLength(10);
    }
}
