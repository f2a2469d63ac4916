namespace ServiceDefaults.Tests.Http;

/// <summary>
/// The test classes whose hosts export telemetry run one at a time: each host's tracer provider listens to
/// every activity of the process, and the most generous sampler of those listening decides.
/// </summary>
internal static class ExportingHosts
{
    public const string Collection = "hosts that export telemetry";
}
