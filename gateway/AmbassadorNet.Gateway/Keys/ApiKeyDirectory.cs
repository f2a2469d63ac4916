using AmbassadorNet.Gateway.Data;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.Security;
using Microsoft.EntityFrameworkCore;

namespace AmbassadorNet.Gateway.Keys;

/// <summary>
/// Finds the live key behind a hash through the <see cref="CredentialCache"/>. A revocation forgets the key
/// here at once and, through <see cref="RevocationListener"/>, on every other instance within a database round
/// trip; a change to a member (roles, deactivation) forgets every key the same way.
/// </summary>
internal sealed class ApiKeyDirectory(IServiceScopeFactory scopes, CredentialCache cache)
{
    private const string Prefix = "key:";

    public Task<KnownKey?> FindAsync(string keyHash, CancellationToken cancellationToken) =>
        cache.RememberAsync(Prefix + keyHash, token => LoadAsync(keyHash, token), cancellationToken);

    public void Forget(string keyHash) => cache.Forget(Prefix + keyHash);

    public void ForgetAll() => cache.ForgetAll();

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
                    .Where(m => m.Id == k.MemberId).Select(m => new { m.Roles, m.DeactivatedAt, m.CreatorId }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row?.Key is not { Kind: CallerKinds.Member } key)
        {
            return row?.Key;
        }

        // A member's key carries at most the member's roles now: a member who lost a role or left loses it on every key.
        if (row.Member is not { DeactivatedAt: null } member)
        {
            return null;
        }

        var roles = key.Roles.Intersect(member.Roles, StringComparer.Ordinal).ToList();
        return roles.Count == 0 ? null : key with { Roles = roles, MemberCreatorId = member.CreatorId };
    }
}
