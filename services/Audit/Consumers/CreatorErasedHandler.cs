using AmbassadorNet.Contracts.Creators;

namespace AmbassadorNet.Audit.Consumers;

/// <summary>
/// Erases a creator's personal data from the trail: their audit_personal rows (data and salt) go, the
/// entries keep personal_hash, so the chain still verifies. Holding the brand's head row, it cannot
/// interleave with an append, and the erasure it records keeps later entries about them without it.
/// </summary>
public sealed class CreatorErasedHandler(AuditDbContext db, TimeProvider clock) : IMessageHandler<CreatorErased>
{
    public async Task<HandleResult> HandleAsync(CreatorErased message, InboundMessage context, CancellationToken cancellationToken)
    {
        await db.LockHeadAsync(cancellationToken);
        await db.Personal.Where(p => p.CreatorId == message.CreatorId).ExecuteDeleteAsync(cancellationToken);
        if (!await db.Erasures.AnyAsync(e => e.CreatorId == message.CreatorId, cancellationToken))
        {
            db.Erasures.Add(new AuditErasure { BrandId = message.BrandId, CreatorId = message.CreatorId, ErasedAt = clock.GetUtcNow() });
        }

        return HandleResult.Done;
    }
}
