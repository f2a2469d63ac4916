using AmbassadorNet.Gateway.Routing;

namespace Gateway.Tests.Support;

/// <summary>The gateway with a real creators service (AddServiceDefaults, only the gateway's public key) behind it; echoes elsewhere.</summary>
public sealed class RealCreatorsFixture : GatewayFixture
{
    public ServiceUpstream Creators => (ServiceUpstream)Upstreams[GatewayServices.Creators];

    protected override async Task<IUpstream> StartUpstreamAsync(string service) =>
        service == GatewayServices.Creators
            ? await ServiceUpstream.StartAsync(service, SigningKey.KeyId, SigningKey.PublicKeyPem, SampleCreatorsEndpoints.Map)
            : await base.StartUpstreamAsync(service);
}
