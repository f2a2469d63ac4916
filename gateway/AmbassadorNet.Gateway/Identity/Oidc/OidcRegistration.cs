using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AmbassadorNet.Gateway.Identity.Oidc;

public static class OidcRegistration
{
    /// <summary>
    /// The validator of brands' own providers' tokens and the per-issuer metadata cache. The caller registers
    /// where the providers are configured (<see cref="IIdentityProviderSource"/>).
    /// </summary>
    public static IServiceCollection AddBrandOidcValidation(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OidcIssuerMetadata>();
        services.AddSingleton<BrandOidcValidator>();
        return services;
    }
}
