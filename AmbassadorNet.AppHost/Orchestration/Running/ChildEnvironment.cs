using AmbassadorNet.Orchestration.Declaration;

namespace AmbassadorNet.Orchestration.Running;

/// <summary>What a child's environment holds: its URL, environment name, the common and its own settings.</summary>
internal static class ChildEnvironment
{
    private static readonly string[] PassedThrough = ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_HEADERS"];

    public static IReadOnlyDictionary<string, string> For(SystemDeclaration system, ServiceResource service)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = service.Url.ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = system.EnvironmentName,
            ["DOTNET_ENVIRONMENT"] = system.EnvironmentName,
        };

        // Children inherit our environment anyway; naming these says the AppHost means to pass them.
        foreach (var name in PassedThrough)
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                environment[name] = value;
            }
        }

        foreach (var (key, value) in system.CommonSettings.Concat(service.Settings))
        {
            environment[VariableName(key)] = value;
        }

        return environment;
    }

    /// <summary>"Database:ConnectionString" → "Database__ConnectionString", the spelling every platform accepts.</summary>
    public static string VariableName(string configurationKey) => configurationKey.Replace(":", "__", StringComparison.Ordinal);
}
