using AmbassadorNet.Gateway.Configuration;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace AmbassadorNet.Gateway.Keys;

/// <summary>
/// What the gateway looked up to authenticate a request (a key by its hash, a brand's identity provider by
/// its issuer, a signed-in member by their subject), remembered for <see cref="GatewayOptions.KeyCacheTtl"/>.
/// Negative answers are remembered too. A revocation forgets one key, any change to members or providers
/// forgets everything, here at once and on every other instance through <see cref="RevocationListener"/>.
/// </summary>
internal sealed class CredentialCache(IOptions<GatewayOptions> options) : IDisposable
{
    // Bounded, because unknown keys are remembered too and anyone can send those.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private long _generation;

    public async Task<T?> RememberAsync<T>(string key, Func<CancellationToken, Task<T?>> load, CancellationToken cancellationToken)
        where T : class
    {
        if (_cache.TryGetValue(key, out Remembered<T>? remembered))
        {
            return remembered!.Value;
        }

        // A lookup that raced with a change must not put its (older) answer back into the cache.
        var generation = Interlocked.Read(ref _generation);
        var value = await load(cancellationToken);
        if (Interlocked.Read(ref _generation) == generation)
        {
            _cache.Set(key, new Remembered<T>(value), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.KeyCacheTtl });
        }

        return value;
    }

    public void Forget(string key)
    {
        Interlocked.Increment(ref _generation);
        _cache.Remove(key);
    }

    /// <summary>After the notification feed was interrupted, or a member or provider changed: nothing stale survives.</summary>
    public void ForgetAll()
    {
        Interlocked.Increment(ref _generation);
        _cache.Clear();
    }

    public void Dispose() => _cache.Dispose();

    private sealed record Remembered<T>(T? Value);
}
