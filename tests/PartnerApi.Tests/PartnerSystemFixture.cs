using AmbassadorNet.Security;
using AmbassadorNet.SystemTestKit;
using Grpc.Net.Client;

namespace PartnerApi.Tests;

/// <summary>
/// The whole system with two brands: A with an admin key, an `events` key and a `partner` key (which
/// may post orders but not read the stream) and an enrolled creator, B with an admin key and an
/// `events` key. gRPC goes to the gateway's gRPC port only.
/// </summary>
public sealed class PartnerSystemFixture : IAsyncLifetime
{
    public static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public WholeSystemFixture Whole { get; } = new();

    public TestSystem System => Whole.System;

    public GatewayClient BrandA { get; private set; } = null!;

    public GatewayClient BrandAEvents { get; private set; } = null!;

    public GatewayClient BrandAPartner { get; private set; } = null!;

    /// <summary>Brand A's one creator enrolled in a USD campaign, with a link and a promo code orders can name.</summary>
    public FirstEnrollment BrandAEnrollment { get; private set; } = null!;

    public GatewayClient BrandB { get; private set; } = null!;

    public GatewayClient BrandBEvents { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Whole.InitializeAsync();
        BrandA = await GatewayClient.ForNewBrandAsync(Http, System.Gateway, System.OperatorKey, "Partner brand A");
        BrandAEvents = await BrandA.WithNewKeyAsync("stream reader", Roles.Events);
        BrandAPartner = await BrandA.WithNewKeyAsync("shop", Roles.Partner);
        BrandAEnrollment = await FirstEnrollment.CreateAsync(BrandA, "orderstreamer");
        BrandB = await GatewayClient.ForNewBrandAsync(Http, System.Gateway, System.OperatorKey, "Partner brand B");
        BrandBEvents = await BrandB.WithNewKeyAsync("stream reader", Roles.Events);
        Channel = GrpcChannel.ForAddress(System.GrpcGateway);
    }

    public async ValueTask DisposeAsync()
    {
        Channel?.Dispose();
        await Whole.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PartnerSystemCollection : ICollectionFixture<PartnerSystemFixture>
{
    public const string Name = "partner system";
}
