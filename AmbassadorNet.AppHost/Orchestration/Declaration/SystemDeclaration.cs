using System.Net;
using System.Net.Sockets;
using AmbassadorNet.Orchestration.Infrastructure;

namespace AmbassadorNet.Orchestration.Declaration;

/// <summary>Everything a run consists of: the servers, the services and how long to wait for each step.</summary>
public sealed class SystemDeclaration(PostgresServer postgres, RabbitMqServer rabbitMq, string databasePrefix = "ambassadornet_")
{
    private readonly List<ServiceResource> _services = [];
    private readonly HashSet<int> _allocatedPorts = [];

    public PostgresServer Postgres { get; } = postgres;

    public RabbitMqServer RabbitMq { get; } = rabbitMq;

    public string DatabasePrefix { get; } = databasePrefix;

    public IReadOnlyList<ServiceResource> Services => _services;

    /// <summary>ASPNETCORE_ENVIRONMENT of every child ("Testing" enables the shared test clock).</summary>
    public string EnvironmentName { get; set; } = "Development";

    /// <summary>Settings every child receives (a service's own settings win).</summary>
    public Dictionary<string, string> CommonSettings { get; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan MigrationTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan ReadinessTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a service may drain after SIGTERM before it is killed.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public ServiceResource AddService(string name, string dllPath)
    {
        if (_services.Any(s => s.Name == name))
        {
            throw new ArgumentException($"A service named {name} is already declared.", nameof(name));
        }

        var service = new ServiceResource(this, name, dllPath, AllocatePort());
        _services.Add(service);
        return service;
    }

    /// <summary>
    /// A port nothing listens on right now. The child binds it moments later; the short window in
    /// which another process could take it is the price of not starting children with port 0 and
    /// then asking each where it landed.
    /// </summary>
    internal int AllocatePort()
    {
        while (true)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            if (_allocatedPorts.Add(port))
            {
                return port;
            }
        }
    }
}
