namespace AmbassadorNet.Gateway.Identity.Oidc;

/// <summary>Where the brands' identity providers are configured (the members' table, once the gateway has one).</summary>
public interface IIdentityProviderSource
{
    /// <summary>
    /// Every brand's provider with exactly this issuer (ordinal): usually one, several when brands share
    /// a provider and tell their tokens apart by audience; none when no brand trusts the issuer.
    /// </summary>
    Task<IReadOnlyList<BrandIdentityProvider>> FindByIssuerAsync(string issuer, CancellationToken cancellationToken);
}
