using AmbassadorNet.Webhooks.EventLog;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AmbassadorNet.Webhooks.Persistence;

/// <summary>How the brands' event logs map to the tables of Migrations/0003_partner_event_log.sql.</summary>
internal sealed class EventLogMapping :
    IEntityTypeConfiguration<PartnerEvent>,
    IEntityTypeConfiguration<PartnerEventHead>,
    IEntityTypeConfiguration<PartnerEventErasure>
{
    public void Configure(EntityTypeBuilder<PartnerEvent> entry)
    {
        entry.ToTable("partner_events");
        entry.HasKey(e => new { e.BrandId, e.Position });
        entry.Property(e => e.Position).ValueGeneratedNever();
        entry.Property(e => e.EventType).HasMaxLength(200);
        entry.HasIndex(e => new { e.BrandId, e.EventId }).IsUnique();
        entry.HasIndex(e => new { e.BrandId, e.CreatorId }).HasFilter("creator_id IS NOT NULL");
        entry.HasIndex(e => e.RecordedAt);
    }

    public void Configure(EntityTypeBuilder<PartnerEventHead> head)
    {
        head.ToTable("partner_event_heads");
        head.HasKey(h => h.BrandId);
    }

    public void Configure(EntityTypeBuilder<PartnerEventErasure> erasure)
    {
        erasure.ToTable("partner_event_erasures");
        erasure.HasKey(e => new { e.BrandId, e.CreatorId });
    }
}
