using AmbassadorNet.Gateway.Configuration;
using AmbassadorNet.Gateway.Data;
using AmbassadorNet.Persistence.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace AmbassadorNet.Gateway.Keys;

/// <summary>
/// Finds the live key behind a hash, remembering answers (also "no such key") for
/// <see cref="GatewayOptions.KeyCacheTtl"/>. A revocation forgets the key here at once and, through
/// <see cref="RevocationListener"/>, on every other instance within a database round trip.
/// </summary>
internal sealed class ApiKeyDirectory(IServiceScopeFactory scopes, IOptions<GatewayOptions> options) : IDisposable
{
    // Bounded, because unknown keys are remembered too and anyone can send those.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private long _generation;

    public async Task<KnownKey?> FindAsync(string keyHash, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(keyHash, out Remembered? remembered))
        {
            return remembered!.Key;
        }

        // A lookup that raced with a revocation must not put its (older) answer back into the cache.
        var generation = Interlocked.Read(ref _generation);
        var key = await LoadAsync(keyHash, cancellationToken);
        if (Interlocked.Read(ref _generation) == generation)
        {
            _cache.Set(keyHash, new Remembered(key), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.KeyCacheTtl });
        }

        return key;
    }

    public void Forget(string keyHash)
    {
        Interlocked.Increment(ref _generation);
        _cache.Remove(keyHash);
    }

    /// <summary>After the notification feed was interrupted: whatever was missed, nothing stale survives.</summary>
    public void ForgetAll()
    {
        Interlocked.Increment(ref _generation);
        _cache.Clear();
    }

    public void Dispose() => _cache.Dispose();

    private async Task<KnownKey?> LoadAsync(string keyHash, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var row = await db.ApiKeys.IgnoreQueryFilters([BrandScopedDbContext.BrandFilter]).AsNoTracking()
            .Where(k => k.KeyHash == keyHash && k.RevokedAt == null)
            .Select(k => new { k.Id, k.BrandId, k.Roles, k.CreatorId })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new KnownKey(row.Id, row.BrandId, row.Roles, row.CreatorId);
    }

    private sealed record Remembered(KnownKey? Key);
}
