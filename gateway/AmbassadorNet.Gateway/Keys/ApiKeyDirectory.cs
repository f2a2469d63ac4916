using AmbassadorNet.Gateway.Configuration;
using AmbassadorNet.Gateway.Data;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace AmbassadorNet.Gateway.Keys;

/// <summary>
/// Finds the live key behind a hash, remembering answers (also "no such key") for
/// <see cref="GatewayOptions.KeyCacheTtl"/>. A revocation forgets the key here at once and, through
/// <see cref="RevocationListener"/>, on every other instance within a database round trip; a change to
/// a member (roles, deactivation) forgets every key the same way.
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
        string[] acrossBrands = [BrandScopedDbContext.BrandFilter];
        var row = await db.ApiKeys.IgnoreQueryFilters(acrossBrands).AsNoTracking()
            .Where(k => k.KeyHash == keyHash && k.RevokedAt == null)
            .Select(k => new
            {
                Key = new KnownKey(k.Id, k.BrandId, k.Roles, k.Kind, k.MemberId, k.CreatorId, k.CreatedAt, k.IssuedBy),
                Member = db.Members.IgnoreQueryFilters(acrossBrands)
                    .Where(m => m.Id == k.MemberId).Select(m => new { m.Roles, m.DeactivatedAt }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row?.Key is not { Kind: CallerKinds.Member } key)
        {
            return row?.Key;
        }

        // A member's key carries at most the member's roles now: a member who lost a role or left loses it on every key.
        var roles = row.Member is { DeactivatedAt: null } member ? key.Roles.Intersect(member.Roles, StringComparer.Ordinal).ToList() : [];
        return roles.Count == 0 ? null : key with { Roles = roles };
    }

    private sealed record Remembered(KnownKey? Key);
}
