using AmbassadorNet.Orchestration.Infrastructure;

namespace AmbassadorNet.Orchestration.Declaration;

/// <summary>
/// One web app of the system, run as <c>dotnet {dll}</c> on its own loopback port. Settings are
/// configuration keys ("Database:ConnectionString"); children receive them as environment variables.
/// </summary>
public sealed class ServiceResource
{
    private readonly SystemDeclaration _system;
    private readonly Dictionary<string, string> _settings = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ServiceResource> _dependencies = [];

    internal ServiceResource(SystemDeclaration system, string name, string dllPath, int port)
    {
        _system = system;
        Name = name;
        DllPath = dllPath;
        Port = port;
    }

    public string Name { get; }

    public string DllPath { get; }

    public int Port { get; private set; }

    public Uri Url => new($"http://127.0.0.1:{Port}");

    public string ReadinessPath { get; private set; } = "/health/ready";

    /// <summary>Whether <c>--migrate-only</c> runs (and must exit 0) before the service starts.</summary>
    public bool RunsMigrations { get; private set; }

    public string? DatabaseName { get; private set; }

    public bool UsesBroker { get; private set; }

    public IReadOnlyDictionary<string, string> Settings => _settings;

    /// <summary>Services that must be ready before this one starts.</summary>
    public IReadOnlyList<ServiceResource> Dependencies => _dependencies;

    /// <summary>A fixed port instead of a free one, for the address people type (the gateway's).</summary>
    public ServiceResource WithPort(int port)
    {
        Port = port == 0 ? _system.AllocatePort() : port;
        return this;
    }

    public ServiceResource WithSetting(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Its own database, named {prefix}{service}; <c>--migrate-only</c> creates it when missing.</summary>
    public ServiceResource WithDatabase()
    {
        DatabaseName = _system.DatabasePrefix + Name;
        RunsMigrations = true;
        return WithSetting("Database:ConnectionString", _system.Postgres.ConnectionString(DatabaseName));
    }

    /// <summary>The shared broker; <c>--migrate-only</c> declares the service's queues before anyone publishes.</summary>
    public ServiceResource WithBroker()
    {
        RunsMigrations = true;
        UsesBroker = true;
        RabbitMqServer rabbit = _system.RabbitMq;
        return WithSetting("RabbitMq:Host", rabbit.Host)
            .WithSetting("RabbitMq:Port", rabbit.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithSetting("RabbitMq:VirtualHost", rabbit.VirtualHost)
            .WithSetting("RabbitMq:Username", rabbit.Username)
            .WithSetting("RabbitMq:Password", rabbit.Password);
    }

    public ServiceResource WaitFor(ServiceResource dependency)
    {
        if (!ReferenceEquals(dependency._system, _system))
        {
            throw new ArgumentException($"{dependency.Name} belongs to another system declaration.", nameof(dependency));
        }

        _dependencies.Add(dependency);
        return this;
    }

    public ServiceResource WithReadinessPath(string path)
    {
        ReadinessPath = path;
        return this;
    }
}
