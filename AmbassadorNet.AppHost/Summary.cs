using AmbassadorNet.Orchestration.Composition;
using AmbassadorNet.Orchestration.Running;

namespace AmbassadorNet.AppHost;

/// <summary>What a developer needs once the system runs: where each service is, and how to get in.</summary>
public static class Summary
{
    /// <summary>Tests wait for this line before they look at the children.</summary>
    public const string RunningMarker = "AmbassadorNet is running";

    public static void Print(TextWriter output, AmbassadorNetSystem system, RunningSystem running)
    {
        var gateway = system.Gateway.Url.ToString().TrimEnd('/');
        output.WriteLine();
        output.WriteLine($"{RunningMarker} (ready in {running.StartupTime.TotalSeconds:0.0} s). Ctrl+C stops it.");
        output.WriteLine();
        output.WriteLine($"  {"service",-10} {"pid",-8} {"ready at",-9} {"url",-24} health");
        foreach (var service in running.Services.OrderBy(s => s.Name == system.Gateway.Name ? 0 : 1).ThenBy(s => s.Name, StringComparer.Ordinal))
        {
            output.WriteLine($"  {service.Name,-10} {service.Process.Id,-8} {$"{service.ReadyAfter?.TotalSeconds:0.0} s",-9} {service.Url.ToString().TrimEnd('/'),-24} {service.Url}health/ready");
        }

        if (system.AbsentServices.Count > 0)
        {
            output.WriteLine($"  not built yet (the gateway answers 502 on their routes): {string.Join(", ", system.AbsentServices)}");
        }

        output.WriteLine();
        output.WriteLine($"  API page:     {gateway}/docs");
        output.WriteLine($"  Operator key: {system.OperatorKey}");
        output.WriteLine();
        output.WriteLine("  Create a brand (the answer holds its first admin API key, shown once):");
        output.WriteLine($"    curl -s -X POST {gateway}/api/brands -H 'Authorization: Bearer {system.OperatorKey}' \\");
        output.WriteLine("      -H 'Content-Type: application/json' -d '{\"name\":\"Acme\"}'");
        output.WriteLine("  Then call the API with that key:");
        output.WriteLine($"    curl -s {gateway}/api/creators -H 'Authorization: Bearer amb_live_...'");
        output.WriteLine();
    }
}
