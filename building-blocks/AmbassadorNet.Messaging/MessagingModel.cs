using AmbassadorNet.Messaging.Inbox;
using AmbassadorNet.Messaging.Outbox;
using AmbassadorNet.Messaging.Parking;
using Microsoft.EntityFrameworkCore;

namespace AmbassadorNet.Messaging;

public static class MessagingModel
{
    /// <summary>Maps the outbox, inbox and parking tables; call from the service's ConfigureModel.</summary>
    public static ModelBuilder AddMessagingTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.Property(o => o.Body).HasColumnType("json");
            outbox.Property(o => o.Attempts).HasDefaultValue(0);
            outbox.HasIndex(o => o.CreatedAt).HasDatabaseName("ix_outbox_messages_created_at");
            outbox.HasIndex(o => o.CreatedAt, "ix_outbox_messages_pending").HasFilter("dispatched_at IS NULL");
        });
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(i => new { i.MessageId, i.Consumer });
            inbox.HasIndex(i => i.ProcessedAt);
        });
        modelBuilder.Entity<ParkedMessage>(parked =>
        {
            parked.ToTable("parked_messages");
            parked.Property(p => p.Body).HasColumnType("jsonb");
            parked.Property(p => p.Attempts).HasDefaultValue(0);
            parked.HasIndex(p => new { p.MessageId, p.Consumer }).IsUnique();
            parked.HasIndex(p => p.Prerequisite);
        });
        return modelBuilder;
    }
}
