namespace AmbassadorNet.Contracts.Audit;

/// <summary>
/// The head of a brand's audit chain at a moment: entry <see cref="Seq"/> has hash <see cref="EntryHash"/>
/// (lower-case hex SHA-256). Published at intervals while the chain grows, so a copy lives outside our
/// database: keep these (webhook <c>audit.chain_anchored</c>, the partner stream) and send them to
/// <c>POST /api/audit/verify</c>; a chain someone rewrote, hashes recomputed, no longer matches them.
/// </summary>
public sealed record AuditChainAnchored(Guid BrandId, DateTimeOffset OccurredAt, long Seq, string EntryHash, DateTimeOffset AnchoredAt) : IIntegrationEvent;
