namespace AmbassadorNet.Gateway.Identity.Oidc;

public static class OidcRegistration
{
    /// <summary>
    /// IdentityModel's switch that makes a requested refresh of a provider's metadata happen before the next
    /// read instead of in the background: without it (measured with 8.23.0) the first token signed with a
    /// rotated key is refused while the new keys are still on their way, and only a later one passes.
    /// Process-wide; only the configuration managers of brands' providers read it in the gateway.
    /// </summary>
    public const string BlockingRefreshSwitch = "Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking";

    /// <summary>
    /// The validator of brands' own providers' tokens and the per-issuer metadata cache. The caller registers
    /// where the providers are configured (<see cref="IIdentityProviderSource"/>).
    /// </summary>
    public static IServiceCollection AddBrandOidcValidation(this IServiceCollection services)
    {
        AppContext.SetSwitch(BlockingRefreshSwitch, true);
        services.AddSingleton<OidcIssuerMetadata>();
        services.AddSingleton<BrandOidcValidator>();
        return services;
    }
}
