using AmbassadorNet.Gateway.Identity.Oidc;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Time;
using AmbassadorNet.TestOidc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Gateway.Tests.Support;

/// <summary>
/// The gateway's validator of brands' provider tokens, registered as the gateway registers it, with an
/// in-memory source of providers and the environment a test names. Each host has its own metadata cache.
/// </summary>
public sealed class OidcValidatorHost : IDisposable
{
    public const string GroupsClaim = TestOidcUser.GroupsClaim;

    /// <summary>The mapping every test brand uses: one group may grant several roles, and machine or operator roles are never granted.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> RoleMappings = new Dictionary<string, IReadOnlyList<string>>
    {
        ["ambassador-admins"] = [Roles.Admin],
        ["marketing"] = [Roles.Manager],
        ["finance-team"] = [Roles.Finance, Roles.Analyst],
        ["platform-ops"] = [Roles.Operator, Roles.Partner, Roles.Events, Roles.Creator],
    };

    private readonly ServiceProvider _services;

    public OidcValidatorHost(string environmentName = ClockRegistration.TestingEnvironment)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environmentName, ApplicationName = "gateway" });
        services.AddSingleton<IIdentityProviderSource>(Providers);
        services.AddBrandOidcValidation();
        _services = services.BuildServiceProvider();
        Validator = _services.GetRequiredService<BrandOidcValidator>();
    }

    public InMemoryIdentityProviders Providers { get; } = new();

    public BrandOidcValidator Validator { get; }

    /// <summary>Configures a brand that signs its members in with <paramref name="provider"/> for <paramref name="audience"/>.</summary>
    public BrandIdentityProvider Trust(TestOidcProvider provider, string audience, Guid? brandId = null)
    {
        var brand = new BrandIdentityProvider(brandId ?? Guid.CreateVersion7(), provider.Issuer, audience, GroupsClaim, RoleMappings);
        Providers.Add(brand);
        return brand;
    }

    public Task<OidcValidationResult> ValidateAsync(string token) => Validator.ValidateAsync(token, TestContext.Current.CancellationToken);

    public void Dispose() => _services.Dispose();
}
