using System.Diagnostics;
using AmbassadorNet.Contracts;
using AmbassadorNet.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace AmbassadorNet.Messaging.Outbox;

public static class OutboxExtensions
{
    /// <summary>
    /// Adds an event to the outbox of <paramref name="db"/>: it is published only if the caller's
    /// SaveChanges commits, and then certainly, even if the broker is down at that moment.
    /// </summary>
    public static Guid AddEvent(this DbContext db, IIntegrationEvent @event, TimeProvider clock)
    {
        // The runtime type, not the static one: a caller holding an IIntegrationEvent still publishes the concrete event.
        var type = @event.GetType();
        var message = new OutboxMessage
        {
            Id = Ids.New(clock),
            MessageType = MessageTypes.NameOf(type),
            Body = MessageTypes.Serialize(@event, type),
            BrandId = @event.BrandId,
            OccurredAt = @event.OccurredAt,
            CreatedAt = clock.GetUtcNow(),
            TraceParent = Activity.Current?.Id is { } id && Activity.Current.IdFormat == ActivityIdFormat.W3C ? id : null,
        };
        db.Set<OutboxMessage>().Add(message);
        return message.Id;
    }
}
