using AmbassadorNet.AppHost;
using AmbassadorNet.AppHost.Composition;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.TestKit;
using AmbassadorNet.TestKit.Waiting;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AmbassadorNet.SystemTestKit;

/// <summary>
/// The whole system as the AppHost declares it, started by Aspire.Hosting.Testing on the shared
/// servers. A test may change the environment of every service or of one before the start, reach
/// each service directly, and stop, kill or start a service as an operator or a crash would.
/// </summary>
public sealed class TestSystem : IAsyncDisposable
{
    private readonly DistributedApplication _app;

    private TestSystem(DistributedApplication app, TestSystemSettings settings, ResourceLogs logs, string operatorKey)
    {
        _app = app;
        Settings = settings;
        Logs = logs;
        OperatorKey = operatorKey;
    }

    public TestSystemSettings Settings { get; }

    public ResourceLogs Logs { get; }

    public string OperatorKey { get; }

    /// <summary>The gateway and every service behind it, by resource name.</summary>
    public static IReadOnlyList<string> Services { get; } = [GatewayServices.GatewayItself, .. GatewayServices.Proxied];

    public Uri Gateway => UrlOf(GatewayServices.GatewayItself);

    public Uri UrlOf(string service) => _app.GetEndpoint(service, "http");

    /// <summary>The gateway's gRPC port (HTTP/2 without TLS): the partner gRPC API.</summary>
    public Uri GrpcGateway => _app.GetEndpoint(GatewayServices.GatewayItself, AmbassadorNetSystem.GrpcEndpointName);

    /// <summary>The connection string of a service's own database, as the service has it.</summary>
    public string DatabaseOf(string service) => Settings.Settings.DatabaseOf(service);

    public DistributedApplication App => _app;

    /// <summary>Starts the system and returns once the gateway, which waits for every service, is healthy.</summary>
    public static async Task<TestSystem> StartAsync(TestSystemOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new TestSystemOptions();
        var settings = await TestSystemSettings.CreateAsync(options.AdjustServers, options.Broker);
        DistributedApplication? app = null;
        var logs = new ResourceLogs();
        try
        {
            var arguments = (settings.Settings with { ServicesEnvironment = options.EnvironmentName }).ToArguments();
            var builder = await DistributedApplicationTestingBuilder.CreateAsync(typeof(LocalDashboard), arguments,
                (application, _) => application.DisableDashboard = !options.Dashboard, cancellationToken);
            foreach (var project in builder.Resources.OfType<ProjectResource>())
            {
                var resource = builder.CreateResourceBuilder(project);
                if (!options.Dashboard)
                {
                    // Aspire points every project at localhost:4317 even with no dashboard to receive it:
                    // an empty endpoint turns the exporters off (no CPU spent on telemetry nobody reads).
                    resource.WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", "");
                }

                foreach (var (key, value) in options.CommonSettings.Concat(options.SettingsOf(ServiceOf(project.Name))))
                {
                    resource.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
                }
            }

            builder.Services.AddLogging(logging => logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information));
            app = await builder.BuildAsync(cancellationToken);
            await StartWatch.StartAsync(app, logs, GatewayServices.GatewayItself, TestTimeouts.Scaled(options.StartTimeout), cancellationToken);
            return new TestSystem(app, settings, logs, await OperatorKeyOf(app));
        }
        catch
        {
            // Whatever did start is stopped before the databases it uses are dropped.
            if (app is not null)
            {
                await app.StopAsync(CancellationToken.None);
                await app.DisposeAsync();
            }

            await settings.DisposeAsync();
            throw;
        }
    }

    /// <summary>The pid of a service's own process (the child of the <c>dotnet run</c> Aspire reports).</summary>
    public int ProcessIdOf(string service)
    {
        var wrapper = WrapperProcessIdOf(service);
        var children = ServiceProcess.ChildrenOf(wrapper);
        return children.Count == 1
            ? children[0]
            : throw new InvalidOperationException($"{service}: expected one child of its dotnet run (pid {wrapper}), found {children.Count}.");
    }

    /// <summary>Kills a service's own process at once (SIGKILL), as a crash would, and returns once its port is closed.</summary>
    public async Task KillAsync(string service)
    {
        System.Diagnostics.Process.GetProcessById(ProcessIdOf(service)).Kill();
        await WaitUntilGoneAsync(service);
    }

    /// <summary>Stops a service as an operator would, with Aspire's stop command (SIGTERM, so it drains).</summary>
    public async Task StopServiceAsync(string service)
    {
        var result = await _app.ResourceCommands.ExecuteCommandAsync(service, KnownResourceCommands.StopCommand);
        Assert(result.Success, $"stop {service}: {result.Message}");
        await WaitUntilGoneAsync(service);
    }

    /// <summary>Waits until a service's process has died by itself (a crash point) and its port is closed.</summary>
    public Task WaitUntilGoneAsync(string service, TimeSpan? timeout = null) =>
        Eventually.UntilAsync(async _ => !await ServiceProcess.AcceptsConnectionsAsync(UrlOf(service).Port) && await HasExitedAsync(service),
            gone => gone, $"{service} to exit and close its port", timeout ?? TestTimeouts.Scaled(TimeSpan.FromMinutes(1)));

    /// <summary>Starts a stopped or crashed service again with Aspire's start command and returns when it is healthy.</summary>
    public async Task RestartAsync(string service, CancellationToken cancellationToken = default)
    {
        var startedAt = DateTime.UtcNow;
        var result = await _app.ResourceCommands.ExecuteCommandAsync(service, KnownResourceCommands.StartCommand, cancellationToken);
        Assert(result.Success, $"start {service}: {result.Message}");
        await new StartWatch(_app, Logs).UntilHealthyAsync(service, startedAt, TestTimeouts.Scaled(TimeSpan.FromMinutes(2)), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        finally
        {
            await Settings.DisposeAsync();
        }
    }

    private int WrapperProcessIdOf(string service) =>
        _app.ResourceNotifications.TryGetCurrentState(service, out var state)
        && state.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
            ? Convert.ToInt32(pid, System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"Aspire reports no process for {service}.");

    private Task<bool> HasExitedAsync(string service) =>
        Task.FromResult(_app.ResourceNotifications.TryGetCurrentState(service, out var state)
            && state.Snapshot.State?.Text is var text && text != KnownResourceStates.Running && text != KnownResourceStates.Starting);

    /// <summary>The AppHost makes a new operator key each run; the test reads it where the gateway does, from its environment.</summary>
    private static async Task<string> OperatorKeyOf(DistributedApplication app)
    {
        var gateway = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>().Single(r => r.Name == GatewayServices.GatewayItself);
        // Obsolete in 13.6 in favour of ExecutionConfigurationBuilder, which is not documented yet;
        // this one still evaluates the gateway's environment exactly as DCP receives it.
#pragma warning disable CS0618
        var environment = await gateway.GetEnvironmentVariableValuesAsync();
#pragma warning restore CS0618
        return environment["Gateway__OperatorKey"];
    }

    /// <summary>"creators-migrations" runs the creators project: it gets the creators service's settings.</summary>
    private static string ServiceOf(string resource) =>
        resource.EndsWith(AmbassadorNetSystem.MigrationsSuffix, StringComparison.Ordinal) ? resource[..^AmbassadorNetSystem.MigrationsSuffix.Length] : resource;

    private static void Assert(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
