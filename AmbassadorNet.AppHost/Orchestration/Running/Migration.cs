using AmbassadorNet.Orchestration.Declaration;
using AmbassadorNet.Orchestration.Logging;
using AmbassadorNet.Orchestration.Processes;

namespace AmbassadorNet.Orchestration.Running;

/// <summary>
/// Runs a service once with <c>--migrate-only</c>: it creates its database when missing, applies its
/// SQL scripts, declares its broker topology and exits. Only an exit code of 0 lets the service start.
/// </summary>
internal static class Migration
{
    public const string Argument = "--migrate-only";

    public static async Task RunAsync(ServiceResource service, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, ILogSink sink, CancellationToken cancellationToken)
    {
        using var child = ChildProcess.Start(service.Name, service.DllPath, [Argument], environment, sink);
        int exitCode;
        try
        {
            exitCode = await child.Exited.WaitAsync(timeout, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            child.Kill();
            await child.Exited;
            if (e is TimeoutException)
            {
                throw new ServiceStartException(service.Name, $"{Argument} did not finish within {timeout.TotalSeconds:0} s", child.Tail.Excerpt());
            }

            throw;
        }

        if (exitCode != 0)
        {
            throw new ServiceStartException(service.Name, $"{Argument} exited with code {exitCode}", child.Tail.Excerpt());
        }
    }
}
