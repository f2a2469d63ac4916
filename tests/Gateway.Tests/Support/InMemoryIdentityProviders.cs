using System.Collections.Concurrent;
using AmbassadorNet.Gateway.Identity.Oidc;

namespace Gateway.Tests.Support;

/// <summary>The brands' identity providers, as a test configures them (the gateway's table comes later).</summary>
public sealed class InMemoryIdentityProviders : IIdentityProviderSource
{
    private readonly ConcurrentBag<BrandIdentityProvider> _providers = [];

    public void Add(BrandIdentityProvider provider) => _providers.Add(provider);

    public Task<IReadOnlyList<BrandIdentityProvider>> FindByIssuerAsync(string issuer, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<BrandIdentityProvider>>([.. _providers.Where(p => string.Equals(p.Issuer, issuer, StringComparison.Ordinal))]);
}
