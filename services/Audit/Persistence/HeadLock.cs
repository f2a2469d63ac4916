namespace AmbassadorNet.Audit.Persistence;

public static class HeadLock
{
    /// <summary>
    /// The brand's head row, created at seq 0 when the brand has none, locked until the transaction
    /// ends: appends, erasures and anchors of one brand take turns on it.
    /// </summary>
    public static async Task<AuditHead> LockHeadAsync(this AuditDbContext db, CancellationToken ct)
    {
        var brand = db.CurrentBrandId;
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO audit_heads (brand_id, last_seq, last_hash, anchored_seq) VALUES ({brand}, 0, {EntryHashing.Genesis}, 0) ON CONFLICT DO NOTHING", ct);
        return await db.Heads.FromSql($"SELECT * FROM audit_heads WHERE brand_id = {brand} FOR UPDATE").SingleAsync(ct);
    }
}
