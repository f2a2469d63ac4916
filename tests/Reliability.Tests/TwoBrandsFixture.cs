using AmbassadorNet.SystemTestKit;

namespace Reliability.Tests;

/// <summary>The whole system, with brand A owning one of everything and brand B, the other tenant, holding an admin key.</summary>
public sealed class TwoBrandsFixture : IAsyncLifetime
{
    public static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public WholeSystemFixture System { get; } = new();

    public BrandWorld BrandA { get; private set; } = null!;

    public GatewayClient BrandB { get; private set; } = null!;

    public IReadOnlySet<string> RunningServices { get; private set; } = new HashSet<string>();

    public async ValueTask InitializeAsync()
    {
        await System.InitializeAsync();
        RunningServices = System.Running.Services.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var gateway = System.System.Gateway.Url;
        BrandA = await BrandWorld.BuildAsync(
            await GatewayClient.ForNewBrandAsync(Http, gateway, System.System.OperatorKey, "Brand A"), RunningServices, "brandahero");
        BrandB = await GatewayClient.ForNewBrandAsync(Http, gateway, System.System.OperatorKey, "Brand B");
    }

    public ValueTask DisposeAsync() => System.DisposeAsync();
}

/// <summary>Hostile input and tenant isolation read and write different brands: one system serves both.</summary>
[CollectionDefinition(Name)]
public sealed class TwoBrandsCollection : ICollectionFixture<TwoBrandsFixture>
{
    public const string Name = "two brands";
}
