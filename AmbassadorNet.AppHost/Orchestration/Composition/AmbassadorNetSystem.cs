using System.Security.Cryptography;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Orchestration.Declaration;
using AmbassadorNet.Security;

namespace AmbassadorNet.Orchestration.Composition;

/// <summary>
/// AmbassadorNet as one declaration: every service with its database and the broker, and the gateway
/// in front of them. Each run gets a new ES256 key pair (the private half for the gateway alone, the
/// public half for every service) and a new operator key.
/// </summary>
public sealed class AmbassadorNetSystem : IDisposable
{
    private readonly InternalKeyPair _signingKey = InternalKeys.Generate();
    private readonly RefusedPort _absentService = new();
    private readonly ServiceBinaries _binaries;

    private AmbassadorNetSystem(SystemSettings settings, ServiceBinaries binaries)
    {
        _binaries = binaries;
        Declaration = new SystemDeclaration(settings.Postgres, settings.RabbitMq, settings.DatabasePrefix);
    }

    public SystemDeclaration Declaration { get; }

    public ServiceResource Gateway { get; private set; } = null!;

    /// <summary>Creates brands through the gateway (<c>Authorization: Bearer {OperatorKey}</c>).</summary>
    public string OperatorKey { get; } = "amb_operator_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    /// <summary>Services the gateway routes to that are not built yet: their routes answer 502.</summary>
    public IReadOnlyList<string> AbsentServices { get; private set; } = [];

    public static AmbassadorNetSystem Declare(SystemSettings settings, ServiceBinaries? binaries = null)
    {
        var system = new AmbassadorNetSystem(settings, binaries ?? ServiceBinaries.NextToThisProcess());
        // The gateway's port is chosen first: tracking builds its links on the gateway's address.
        var gatewayPort = settings.GatewayPort == 0 ? system.Declaration.AllocatePort() : settings.GatewayPort;

        // One line per service.
        system.AddService(GatewayServices.Creators, "AmbassadorNet.Creators");
        system.AddService(GatewayServices.Campaigns, "AmbassadorNet.Campaigns");
        system.AddService(GatewayServices.Tracking, "AmbassadorNet.Tracking")
            .WithSetting("Tracking:PublicBaseUrl", $"http://127.0.0.1:{gatewayPort}")
            // A key per run: click IP hashes are only compared within the duplicate window anyway.
            .WithSetting("Tracking:IpHashKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))
            .WithSetting("Tracking:TrustedProxyNetworks:0", "127.0.0.1/32");
        system.AddService(GatewayServices.Webhooks, "AmbassadorNet.Webhooks")
            // A local system may deliver to receivers on this machine (tests, a developer's listener);
            // deployments leave the list empty (deploy/).
            .WithSetting("Webhooks:AllowedPrivateHosts:0", "127.0.0.1");
        system.AddService(GatewayServices.Payouts, "AmbassadorNet.Payouts");
        system.AddService(GatewayServices.Analytics, "AmbassadorNet.Analytics");
        system.AddGateway(gatewayPort);
        return system;
    }

    /// <summary>A service behind the gateway: its own database, the broker, and the gateway's public key.</summary>
    public ServiceResource AddService(string name, string project) =>
        Declaration.AddService(name, _binaries.Dll(project))
            .WithDatabase()
            .WithBroker()
            .WithSetting("InternalAuth:Audience", InternalToken.AudienceFor(name))
            .WithSetting($"InternalAuth:PublicKeys:{_signingKey.KeyId}", _signingKey.PublicKeyPem);

    /// <summary>The gateway in front of every service declared before it, started once they are all ready.</summary>
    private void AddGateway(int port)
    {
        var services = Declaration.Services.ToList();
        Gateway = Declaration.AddService(GatewayServices.GatewayItself, _binaries.Dll("AmbassadorNet.Gateway"))
            .WithPort(port)
            .WithDatabase()
            .WithSetting("Gateway:OperatorKey", OperatorKey)
            .WithSetting("Gateway:SigningKey:KeyId", _signingKey.KeyId)
            .WithSetting("Gateway:SigningKey:Pem", _signingKey.PrivateKeyPem);
        // The gateway insists on a destination for every service it routes to.
        foreach (var name in GatewayServices.Proxied)
        {
            var service = services.FirstOrDefault(s => s.Name == name);
            Gateway.WithSetting($"Gateway:Services:{name}", (service?.Url ?? _absentService.Url).ToString().TrimEnd('/'));
            if (service is not null)
            {
                Gateway.WaitFor(service);
            }
        }

        AbsentServices = [.. GatewayServices.Proxied.Where(name => services.All(s => s.Name != name))];
    }

    public void Dispose()
    {
        _signingKey.Dispose();
        _absentService.Dispose();
    }
}
