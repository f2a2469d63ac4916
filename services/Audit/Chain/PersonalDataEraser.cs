using AmbassadorNet.SharedKernel;

namespace AmbassadorNet.Audit.Chain;

/// <summary>
/// Erases a person's personal data from the trail: their audit_personal rows (data and salt) go, the
/// entries keep personal_hash, so the chain still verifies. Holding the brand's head row, it cannot
/// interleave with an append, and the erasure it records keeps later entries about them without it.
/// </summary>
public sealed class PersonalDataEraser(AuditDbContext db, TimeProvider clock)
{
    public async Task EraseCreatorAsync(Guid brandId, Guid creatorId, CancellationToken ct)
    {
        await db.LockHeadAsync(ct);
        await db.Personal.Where(p => p.CreatorId == creatorId).ExecuteDeleteAsync(ct);
        await RememberAsync(brandId, AuditErasure.Creator, creatorId, ct);
    }

    public async Task EraseMemberAsync(Guid brandId, Guid memberId, CancellationToken ct)
    {
        await db.LockHeadAsync(ct);
        await db.Personal.Where(p => p.MemberId == memberId).ExecuteDeleteAsync(ct);
        await RememberAsync(brandId, AuditErasure.Member, memberId, ct);
    }

    /// <summary>Whether the personal data of a change can be kept: neither its creator nor its member was erased.</summary>
    public static bool MayKeep(AuditPersonalData personal, IReadOnlySet<Guid> erased) =>
        !(personal.CreatorId is { } creator && erased.Contains(creator)) && !(personal.MemberId is { } member && erased.Contains(member));

    private async Task RememberAsync(Guid brandId, string kind, Guid subjectId, CancellationToken ct)
    {
        if (!await db.Erasures.AnyAsync(e => e.SubjectKind == kind && e.SubjectId == subjectId, ct))
        {
            db.Erasures.Add(new AuditErasure { BrandId = brandId, SubjectKind = kind, SubjectId = subjectId, ErasedAt = Instants.ToMicroseconds(clock.GetUtcNow()) });
        }
    }
}
