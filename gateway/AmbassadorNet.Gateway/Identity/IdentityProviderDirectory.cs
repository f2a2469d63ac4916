using AmbassadorNet.Gateway.Data;
using AmbassadorNet.Gateway.Identity.Oidc;
using AmbassadorNet.Gateway.Keys;
using AmbassadorNet.Persistence.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AmbassadorNet.Gateway.Identity;

/// <summary>The brands' identity providers (<c>identity_providers</c>) by issuer, through the <see cref="CredentialCache"/>.</summary>
internal sealed class IdentityProviderDirectory(IServiceScopeFactory scopes, CredentialCache cache) : IIdentityProviderSource
{
    public async Task<IReadOnlyList<BrandIdentityProvider>> FindByIssuerAsync(string issuer, CancellationToken cancellationToken) =>
        (await cache.RememberAsync<List<BrandIdentityProvider>>("issuer:" + issuer, token => LoadAsync(issuer, token), cancellationToken))!;

    private async Task<List<BrandIdentityProvider>?> LoadAsync(string issuer, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        // A token's issuer is all there is to go on before the brand is known: the one lookup across brands.
        var rows = await db.IdentityProviders.IgnoreQueryFilters([BrandScopedDbContext.BrandFilter]).AsNoTracking()
            .Where(p => p.Issuer == issuer).ToListAsync(cancellationToken);
        return [.. rows.Select(p => new BrandIdentityProvider(p.BrandId, p.Issuer, p.Audience, p.RolesClaim,
            p.RoleMappings.ToDictionary(m => m.Key, m => (IReadOnlyList<string>)m.Value, StringComparer.Ordinal)))];
    }
}
