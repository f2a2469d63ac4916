using System.Security.Cryptography;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Security;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace AmbassadorNet.AppHost.Composition;

/// <summary>
/// AmbassadorNet as Aspire resources: PostgreSQL and RabbitMQ, one project per service with its own
/// database and a migration run before it, and the gateway in front of them all. Each run gets a new
/// ES256 key pair (the private half in the gateway's environment alone, the public half in every
/// service's) and a new operator key.
/// </summary>
public sealed class AmbassadorNetSystem
{
    private readonly IDistributedApplicationBuilder _builder;
    private readonly SystemSettings _settings;
    private readonly IResourceBuilder<IResourceWithConnectionString> _postgres;
    private readonly IResourceBuilder<IResourceWithConnectionString> _rabbitMq;
    private readonly InternalKeyPair _signingKey = InternalKeys.Generate();
    private readonly Dictionary<string, IResourceBuilder<ProjectResource>> _services = new(StringComparer.Ordinal);

    private AmbassadorNetSystem(IDistributedApplicationBuilder builder, SystemSettings settings)
    {
        _builder = builder;
        _settings = settings;
        _postgres = builder.AddPostgres(settings.Postgres);
        _rabbitMq = builder.AddRabbitMq(settings.RabbitMq);
    }

    /// <summary>The servers and the gateway; services join with <see cref="AddService{TProject}"/>.</summary>
    public static AmbassadorNetSystem Create<TGateway>(IDistributedApplicationBuilder builder, SystemSettings settings)
        where TGateway : IProjectMetadata, new()
    {
        var system = new AmbassadorNetSystem(builder, settings);
        var gateway = system.AddMigratedProject<TGateway>(GatewayServices.GatewayItself)
            // The address people type: fixed unless the settings ask for a free port (tests).
            .WithHttpEndpoint(port: settings.GatewayPort == 0 ? null : settings.GatewayPort, isProxied: false)
            .WithEndpoint("http", OnLoopback);
        system.Gateway = WithGrpcEndpoint(gateway, settings.GatewayGrpcPort == 0 ? null : settings.GatewayGrpcPort)
            .WithHttpHealthCheck("/health/ready")
            .WithEnvironment("Gateway__OperatorKey", system.OperatorKey)
            .WithEnvironment("Gateway__SigningKey__KeyId", system._signingKey.KeyId)
            .WithEnvironment("Gateway__SigningKey__Pem", system._signingKey.PrivateKeyPem);
        return system;
    }

    /// <summary>The resource that runs a project with <c>--migrate-only</c> is named after it with this suffix.</summary>
    public const string MigrationsSuffix = "-migrations";

    /// <summary>Creates brands through the gateway (<c>Authorization: Bearer {OperatorKey}</c>).</summary>
    public string OperatorKey { get; } = "amb_operator_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public IResourceBuilder<ProjectResource> Gateway { get; private set; } = null!;

    /// <summary>The address people and links use: tracking builds its links on it.</summary>
    public EndpointReference GatewayEndpoint => Gateway.GetEndpoint("http");

    /// <summary>The partner gRPC API's address (HTTP/2 without TLS).</summary>
    public EndpointReference GatewayGrpcEndpoint => Gateway.GetEndpoint(GrpcEndpointName);

    /// <summary>The endpoint of a project that speaks gRPC (Grpc:Url), beside its "http" one.</summary>
    public const string GrpcEndpointName = "grpc";

    /// <summary>
    /// A service behind the gateway: its own database and the broker, its audience and the gateway's
    /// public key; started once <c>{name}-migrations</c> (<c>--migrate-only</c>: creates the database
    /// when missing, applies its scripts, declares its queues) has exited 0. <paramref name="settings"/>
    /// configures both, for settings the migration needs too (a key its migration step uses).
    /// </summary>
    public IResourceBuilder<ProjectResource> AddService<TProject>(string name, Action<IResourceBuilder<ProjectResource>>? settings = null)
        where TProject : IProjectMetadata, new()
    {
        var service = AddMigratedProject<TProject>(name, settings)
            .WithHttpEndpoint(isProxied: false)
            .WithEndpoint("http", OnLoopback)
            .WithHttpHealthCheck("/health/ready")
            .WithEnvironment("InternalAuth__Audience", InternalToken.AudienceFor(name))
            .WithEnvironment($"InternalAuth__PublicKeys__{_signingKey.KeyId}", _signingKey.PublicKeyPem);
        _services.Add(name, service);
        // The gateway finds the service by name through service discovery (services__{name}__http__0).
        Gateway.WithReference(service).WithEnvironment($"Gateway__Services__{name}", $"http://{name}").WaitFor(service);
        if (GatewayServices.GrpcPrefixes.ContainsKey(name))
        {
            WithGrpcEndpoint(service, port: null);
            Gateway.WithEnvironment($"Gateway__GrpcServices__{name}", service.GetEndpoint(GrpcEndpointName));
        }

        return service;
    }

    /// <summary>
    /// A second port that speaks only HTTP/2 without TLS, as gRPC needs: the project listens on it
    /// through Grpc:Url (ServiceDefaults' GrpcEndpoint), not through Aspire's ASPNETCORE_URLS.
    /// </summary>
    private static IResourceBuilder<ProjectResource> WithGrpcEndpoint(IResourceBuilder<ProjectResource> project, int? port) =>
        project.WithEndpoint(GrpcEndpointName, endpoint =>
            {
                endpoint.UriScheme = "http";
                endpoint.Transport = "http2";
                endpoint.Port = port;
                endpoint.IsProxied = false;
                OnLoopback(endpoint);
            })
            .WithEnvironment("Grpc__Url", project.GetEndpoint(GrpcEndpointName));

    /// <summary>127.0.0.1 rather than "localhost": links, destinations and the summary name the address every test and tool uses.</summary>
    private static void OnLoopback(EndpointAnnotation endpoint) => endpoint.TargetHost = "127.0.0.1";

    /// <summary>Fails the start when a service the gateway routes to was not added: its routes would have nowhere to go.</summary>
    public void EnsureEveryServiceIsRouted()
    {
        var missing = GatewayServices.Proxied.Where(name => !_services.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The gateway routes to services the AppHost does not run: {string.Join(", ", missing)}.");
        }
    }

    /// <summary>
    /// The project as <c>{name}</c>, started once <c>{name}-migrations</c>, the same project with
    /// <c>--migrate-only</c>, has exited 0; a failed migration shows as that resource failing, with its
    /// output, and the service never starts. Endpoints are not proxied: a test that kills a service
    /// sees its own port close, and no extra hop sits on the hot paths.
    /// </summary>
    private IResourceBuilder<ProjectResource> AddMigratedProject<TProject>(
        string name, Action<IResourceBuilder<ProjectResource>>? settings = null)
        where TProject : IProjectMetadata, new()
    {
        var migrations = WithServers(_builder.AddProject<TProject>(name + MigrationsSuffix, options => options.ExcludeLaunchProfile = true), name)
            .WithArgs("--migrate-only");
        var project = WithServers(_builder.AddProject<TProject>(name, options => options.ExcludeLaunchProfile = true), name)
            .WaitForCompletion(migrations);
        settings?.Invoke(migrations);
        settings?.Invoke(project);
        return project;
    }

    /// <summary>
    /// What a project and its migration run share: its database, the broker (the gateway too: it publishes the
    /// audit records of its own changes), and waiting for both servers.
    /// </summary>
    private IResourceBuilder<ProjectResource> WithServers(IResourceBuilder<ProjectResource> project, string name)
    {
        var database = _settings.DatabasePrefix + name;
        project.WithEnvironment("ASPNETCORE_ENVIRONMENT", _settings.ServicesEnvironment)
            .WithEnvironment("DOTNET_ENVIRONMENT", _settings.ServicesEnvironment)
            .WithEnvironment("Database__ConnectionString", ReferenceExpression.Create($"{_postgres.Resource};Database={database}"))
            .WaitFor(_postgres);
        var rabbit = _settings.RabbitMq;
        project.WithEnvironment("RabbitMq__Host", rabbit.Host)
            .WithEnvironment("RabbitMq__Port", rabbit.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("RabbitMq__VirtualHost", rabbit.VirtualHost)
            .WithEnvironment("RabbitMq__Username", rabbit.Username)
            .WithEnvironment("RabbitMq__Password", rabbit.Password)
            .WithReferenceRelationship(_rabbitMq)
            .WaitFor(_rabbitMq);

        return project.WithReferenceRelationship(_postgres);
    }
}
