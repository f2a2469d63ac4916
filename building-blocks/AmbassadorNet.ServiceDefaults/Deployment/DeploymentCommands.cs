using AmbassadorNet.ServiceDefaults.Configuration;
using AmbassadorNet.ServiceDefaults.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AmbassadorNet.ServiceDefaults.Deployment;

public static class DeploymentCommands
{
    public const string MigrateOnly = "--migrate-only";
    public const string PrintConfigKeys = "--print-config-keys";

    /// <summary>Set to true to get the same as <c>--migrate-only</c> from configuration (tests, deploy jobs).</summary>
    public const string MigrateOnlySetting = "Deployment:MigrateOnly";

    /// <summary>
    /// True when this process was started only to migrate. Registration code needs to know before the
    /// host is built (MassTransit then deploys its topology instead of consuming).
    /// </summary>
    public static bool IsMigrateOnly(IHostApplicationBuilder builder) =>
        Environment.GetCommandLineArgs().Contains(MigrateOnly)
        || string.Equals(builder.Configuration[MigrateOnlySetting], "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Handles the command-line switches every service understands. Returns true when the process
    /// should exit instead of serving: <c>--migrate-only</c> runs the deployment steps,
    /// <c>--print-config-keys</c> lists every setting the service reads.
    /// </summary>
    public static async Task<bool> RunDeploymentCommandAsync(this IHost host, string[] args)
    {
        if (args.Contains(PrintConfigKeys))
        {
            foreach (var key in host.Services.GetRequiredService<ConfigurationCatalog>().Keys())
            {
                Console.WriteLine($"{key.Path}\t{key.EnvironmentVariable}\t{key.Type}{(key.Required ? "\trequired" : "")}");
            }

            return true;
        }

        var migrateOnly = args.Contains(MigrateOnly)
            || string.Equals(host.Services.GetRequiredService<IConfiguration>()[MigrateOnlySetting], "true", StringComparison.OrdinalIgnoreCase);
        var migrateOnStartup = host.Services.GetService<IOptions<DatabaseOptions>>()?.Value.MigrateOnStartup ?? false;
        if (migrateOnly || migrateOnStartup)
        {
            await RunStepsAsync(host.Services);
        }

        return migrateOnly;
    }

    private static async Task RunStepsAsync(IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DeploymentCommands));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        foreach (var step in services.GetServices<IDeploymentStep>())
        {
            logger.LogInformation("Running deployment step: {Step}", step.Name);
            await step.RunAsync(timeout.Token);
        }
    }
}
