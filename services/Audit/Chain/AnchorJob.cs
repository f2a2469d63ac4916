using AmbassadorNet.ServiceDefaults.Jobs;
using AmbassadorNet.SharedKernel;

namespace AmbassadorNet.Audit.Chain;

/// <summary>
/// Every <see cref="AuditOptions.AnchorInterval"/>, anchors the head of each brand's chain that moved:
/// publishes <see cref="AuditChainAnchored"/> (webhooks and the partner stream carry it to whoever keeps
/// them), writes it to the service log, and keeps it in audit_anchors. Holding the head row, every
/// replica may run it: a head is anchored once.
/// </summary>
public sealed partial class AnchorJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AuditOptions> options, ILogger<AnchorJob> logger)
    : PeriodicBrandJob(scopes, logger)
{
    protected override TimeSpan Interval => options.Value.AnchorInterval;

    protected override async Task<IReadOnlyList<Guid>> BrandsWithWorkAsync(IServiceProvider services, CancellationToken ct) =>
        await services.GetRequiredService<AuditDbContext>().Heads
            .IgnoreQueryFilters([BrandScopedDbContext.BrandFilter]) // spans brands on purpose: it only finds which have work
            .Where(h => h.LastSeq > h.AnchoredSeq).Select(h => h.BrandId).ToListAsync(ct);

    protected override async Task RunForBrandAsync(IServiceProvider services, Guid brand, CancellationToken ct)
    {
        var db = services.GetRequiredService<AuditDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var head = await db.LockHeadAsync(ct);
        if (head.LastSeq <= head.AnchoredSeq)
        {
            return; // another replica anchored it meanwhile
        }

        var now = clock.GetUtcNow();
        var hash = EntryHashing.Hex(head.LastHash);
        db.Anchors.Add(new AuditAnchor { Id = Ids.New(clock), BrandId = brand, Seq = head.LastSeq, EntryHash = head.LastHash, AnchoredAt = now });
        db.AddEvent(new AuditChainAnchored(brand, now, head.LastSeq, hash, now), clock);
        head.AnchoredSeq = head.LastSeq;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        LogAnchored(logger, brand, head.LastSeq, hash);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit chain of brand {Brand} anchored at seq {Seq}: {EntryHash}")]
    private static partial void LogAnchored(ILogger logger, Guid brand, long seq, string entryHash);
}
