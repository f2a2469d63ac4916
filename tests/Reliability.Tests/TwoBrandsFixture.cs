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

    /// <summary>Brand A's webhook endpoint, so brand A has a real (succeeded) delivery.</summary>
    public WebhookReceiver Receiver { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        // The one private destination this system may deliver to: the receiver's address and port.
        var receiver = new Uri(Receiver.HookUrl);
        System.Options.WithSetting("webhooks", "Webhooks:AllowedPrivateEndpoints:0", $"{receiver.Host}:{receiver.Port}");
        // Brand A's audit trail is anchored soon after the world is built (BrandWorld waits for it).
        System.Options.WithSetting("audit", "Audit:AnchorInterval", "00:00:01");
        await System.InitializeAsync();
        RunningServices = TestSystem.Services.ToHashSet(StringComparer.Ordinal);
        var gateway = System.System.Gateway;
        BrandA = await BrandWorld.BuildAsync(
            await GatewayClient.ForNewBrandAsync(Http, gateway, System.System.OperatorKey, "Brand A"), RunningServices, "brandahero", Receiver.HookUrl);
        BrandB = await GatewayClient.ForNewBrandAsync(Http, gateway, System.System.OperatorKey, "Brand B");
    }

    public async ValueTask DisposeAsync()
    {
        // The system first: its webhooks service must not be mid-delivery when the receiver goes away.
        try
        {
            await System.DisposeAsync();
        }
        finally
        {
            if (Receiver is not null)
            {
                await Receiver.DisposeAsync();
            }
        }
    }
}

/// <summary>Hostile input and tenant isolation read and write different brands: one system serves both.</summary>
[CollectionDefinition(Name)]
public sealed class TwoBrandsCollection : ICollectionFixture<TwoBrandsFixture>
{
    public const string Name = "two brands";
}
