namespace AmbassadorNet.ServiceDefaults.Configuration;

/// <summary>One setting a service reads, as a configuration path and as an environment variable.</summary>
public sealed record ConfigurationKey(string Path, string Type, bool Required)
{
    /// <summary>"Database:ConnectionString" is set from the environment as "Database__ConnectionString".</summary>
    public string EnvironmentVariable => Path.Replace(":", "__", StringComparison.Ordinal);
}
