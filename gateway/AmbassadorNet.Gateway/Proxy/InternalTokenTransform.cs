using System.Collections.Concurrent;
using System.Net.Http.Headers;
using AmbassadorNet.Security;
using Yarp.ReverseProxy.Transforms;

namespace AmbassadorNet.Gateway.Proxy;

/// <summary>
/// Replaces the client's Authorization header with an internal token for exactly this service (its
/// audience), this brand, this caller (member, machine or creator, with its key) and its roles. Public routes forward no Authorization at all.
/// </summary>
/// <remarks>
/// A token is signed once per caller and service and reused for a third of its lifetime, so every
/// token a service receives has at least two thirds of it left (issue #27: one signature per
/// credential per window, not per request). Reuse never outlives the credential: the key is
/// authenticated on every request before this runs, and a revoked key never gets this far.
/// </remarks>
internal sealed class InternalTokenTransform(InternalTokenIssuer issuer, TimeSpan lifetime, TimeProvider clock)
{
    // Callers are keys that authenticated, times six services: bounded by the keys in use. Entries of
    // keys no longer used are swept when the map has grown past what recent use explains.
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<Caller, Signed> _tokens = new();
    private readonly TimeSpan _reuseFor = lifetime / 3;

    public ValueTask ApplyAsync(RequestTransformContext context, string service)
    {
        var headers = context.ProxyRequest.Headers;
        headers.Remove("Authorization");
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            headers.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(new Caller(InternalToken.AudienceFor(service), user.GetBrandId(),
                user.GetCaller(), string.Join(' ', user.GetRoles().Order(StringComparer.Ordinal)))));
        }

        return ValueTask.CompletedTask;
    }

    private string TokenFor(Caller caller)
    {
        var now = clock.GetUtcNow();
        if (_tokens.TryGetValue(caller, out var signed) && now - signed.At < _reuseFor && now >= signed.At)
        {
            return signed.Token;
        }

        var token = issuer.Issue(caller.Audience, caller.BrandId, caller.Roles.Split(' '), caller.Who, lifetime);
        _tokens[caller] = new Signed(token, now);
        if (_tokens.Count > SweepAbove)
        {
            Sweep(now);
        }

        return token;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (caller, signed) in _tokens)
        {
            if (now - signed.At >= _reuseFor)
            {
                _tokens.TryRemove(caller, out _);
            }
        }
    }

    private readonly record struct Caller(string Audience, Guid BrandId, InternalCaller Who, string Roles);

    private sealed record Signed(string Token, DateTimeOffset At);
}
