using Microsoft.AspNetCore.Builder;

namespace AmbassadorNet.Messaging.Audit;

/// <summary>
/// Marks an endpoint whose saves are not audit entries: the ingestion of business facts a partner system posts
/// in volume (orders and refunds), which have their own append-only record (conversions, the ledger, their
/// events). Auditing them would put a second outbox message and the brand's one chain lock on every order.
/// </summary>
public sealed record NotAuditedMetadata(string Reason);

public static class NotAuditedExtensions
{
    /// <summary>Saves made by this endpoint write no <see cref="Contracts.Audit.AuditRecorded"/>; say why.</summary>
    public static TBuilder NotAudited<TBuilder>(this TBuilder builder, string reason)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new NotAuditedMetadata(reason));
        return builder;
    }
}
