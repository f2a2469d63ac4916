using AmbassadorNet.Persistence.MigrationRunner;
using AmbassadorNet.Security;
using AmbassadorNet.Security.Testing;
using AmbassadorNet.TestKit.Postgres;
using AmbassadorNet.TestKit.Rabbit;
using AmbassadorNet.TestKit.Waiting;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AmbassadorNet.TestKit.Services;

/// <summary>
/// A service as it ships (its app's <c>Create</c>) on a loopback port, with its own database and
/// vhost and the internal tokens of a stand-in gateway. A service's fixture names its app and adds
/// only its own settings and helpers. The app can be stopped and started again on the same database
/// and vhost (a crash, a deployment), and more replicas can run beside it.
/// </summary>
public abstract partial class ServiceUnderTest<TDbContext>(
    string name,
    IReadOnlyList<SqlMigration> migrations,
    Func<string[], Action<WebApplicationBuilder>, WebApplication> createApp) : IAsyncLifetime, IServiceUnderTest
    where TDbContext : DbContext
{
    private ServiceReplica? _app;

    public TestDatabase Database { get; private set; } = null!;

    public TestVhost Vhost { get; private set; } = null!;

    public TestTokens Tokens { get; private set; } = null!;

    public HttpClient Http => App.Http;

    public IServiceProvider Services => App.Services;

    /// <summary>Every address the app listens on, in the order it listened.</summary>
    public ICollection<string> Urls => App.App.Urls;

    /// <summary>Idle when every event is on the broker and every queue (error queues aside) is drained.</summary>
    public IReadOnlyList<IQuiescenceProbe> Idle => ServiceIdle.Probes(Database, Vhost);

    /// <summary>The audience of the tokens the service accepts.</summary>
    protected string TokenAudience => InternalToken.AudienceFor(name);

    /// <summary>The service's own settings, on top of what every service gets (database, vhost, tokens).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    /// <summary>Off for a service whose answers are redirects a test wants to see rather than follow.</summary>
    protected virtual bool FollowRedirects => true;

    private ServiceReplica App => _app ?? throw new InvalidOperationException($"The {name} service is not running.");

    protected virtual TestTokens CreateTokens() => new();

    public virtual async ValueTask InitializeAsync()
    {
        Tokens = CreateTokens();
        Database = await TestDatabase.CreateAsync(name, migrations);
        Vhost = await TestVhost.CreateAsync(name);
        await StartAppAsync();
    }

    /// <summary>Starts the app, again after <see cref="StopAppAsync"/>: a new process on the same database and vhost.</summary>
    public async Task StartAppAsync() => _app = await StartReplicaAsync();

    /// <summary>Stops the app as on SIGTERM: in-flight messages finish, the rest wait in their durable queues.</summary>
    public async Task StopAppAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public async Task RestartAsync()
    {
        await StopAppAsync();
        await StartAppAsync();
    }

    /// <summary>Starts one more replica on the same database and vhost, with <paramref name="settings"/> over the usual ones; the caller disposes it.</summary>
    public async Task<ServiceReplica> StartReplicaAsync(IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        // MassTransit keeps the logger factory of the first bus built in an async flow (see
        // docs/reliability.md); forgotten here, in the flow that builds the app, every app logs to its own.
        LogContext.Current = null;
        var app = createApp([], builder =>
        {
            builder.Environment.EnvironmentName = "Testing";
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(Tokens.ConfigurationFor(TokenAudience));
            builder.Configuration.AddInMemoryCollection(ServiceSettings.For(Database, Vhost));
            builder.Configuration.AddInMemoryCollection(Settings);
            builder.Configuration.AddInMemoryCollection(settings ?? []);
        });
        await app.StartAsync();
        var replica = new ServiceReplica(app, FollowRedirects);
        try
        {
            await WaitUntilReadyAsync(replica);
            return replica;
        }
        catch
        {
            await replica.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Waits until a test may publish: every receive endpoint bound, since RabbitMQ drops an event
    /// published to an exchange no queue is bound to yet.
    /// </summary>
    protected virtual Task WaitUntilReadyAsync(ServiceReplica replica) =>
        replica.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));

    public virtual async ValueTask DisposeAsync()
    {
        await StopAppAsync();
        await Vhost.DisposeAsync();
        await Database.DisposeAsync();
        Tokens.Dispose();
        GC.SuppressFinalize(this);
    }
}
