using AmbassadorNet.AppHost.Composition;
using AmbassadorNet.TestKit.Rabbit;

namespace AmbassadorNet.SystemTestKit;

/// <summary>How a test's system differs from the one ./run.sh starts.</summary>
public sealed class TestSystemOptions
{
    private readonly Dictionary<string, Dictionary<string, string>> _perService = new(StringComparer.Ordinal);

    /// <summary>ASPNETCORE_ENVIRONMENT of every service; "Testing" enables the shared test clock and crash points.</summary>
    public string EnvironmentName { get; set; } = "Development";

    /// <summary>Changes the servers' settings before the start, e.g. to put a fault-injecting proxy in front of them.</summary>
    public Func<SystemSettings, SystemSettings>? AdjustServers { get; set; }

    /// <summary>
    /// A broker of the test's own (a container) instead of the shared one: the system's vhost is made
    /// there and every service connects to it.
    /// </summary>
    public RabbitBroker? Broker { get; set; }

    /// <summary>Configuration keys ("Clock:OffsetFile") every service receives.</summary>
    public Dictionary<string, string> CommonSettings { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the Aspire dashboard runs (the telemetry tests read its API); off by default, as Aspire.Hosting.Testing has it.</summary>
    public bool Dashboard { get; set; }

    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>A configuration key one service (and its migration run) receives.</summary>
    public TestSystemOptions WithSetting(string service, string key, string value)
    {
        if (!_perService.TryGetValue(service, out var settings))
        {
            _perService[service] = settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        }

        settings[key] = value;
        return this;
    }

    public IReadOnlyDictionary<string, string> SettingsOf(string service) =>
        _perService.TryGetValue(service, out var settings) ? settings : new Dictionary<string, string>();
}
