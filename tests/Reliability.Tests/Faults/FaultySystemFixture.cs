using AmbassadorNet.SystemTestKit;
using AmbassadorNet.TestKit.Network;
using Reliability.Tests.Money;

namespace Reliability.Tests.Faults;

/// <summary>
/// A whole system that reaches PostgreSQL and RabbitMQ only through proxies of its own, so a test can
/// take "the database" or "the broker" away from this system without touching the servers the other
/// suites share, and whose services a test may kill and restart.
/// </summary>
public sealed class FaultySystemFixture : LedgerSystemFixture
{
    public TcpProxy Postgres { get; private set; } = null!;

    public TcpProxy RabbitMq { get; private set; } = null!;

    private readonly string _crashPoints = Directory.CreateTempSubdirectory("amb-crash-points-").FullName;

    /// <summary>The next time <paramref name="service"/> reaches the crash point <paramref name="point"/>, it dies as by kill -9.</summary>
    public void ArmCrash(string service, string point) => File.WriteAllText(CrashPointFile(service), point);

    /// <summary>Whether an armed crash point is still waiting to be reached (the dying process deletes the file).</summary>
    public bool CrashArmed(string service) => File.Exists(CrashPointFile(service));

    /// <summary>
    /// The servers reached through proxies of this fixture, the Testing environment (crash points are
    /// honoured only there), and a crash point file per service.
    /// </summary>
    protected override TestSystemOptions Options()
    {
        var options = new TestSystemOptions
        {
            EnvironmentName = "Testing",
            AdjustServers = settings =>
            {
                Postgres = TcpProxy.Start(settings.Postgres.Host, settings.Postgres.Port);
                RabbitMq = TcpProxy.Start(settings.RabbitMq.Host, settings.RabbitMq.Port);
                return settings with
                {
                    Postgres = settings.Postgres with { Host = "127.0.0.1", Port = Postgres.Port },
                    RabbitMq = settings.RabbitMq with { Host = "127.0.0.1", Port = RabbitMq.Port },
                };
            },
        };
        foreach (var service in TestSystem.Services)
        {
            options.WithSetting(service, "Testing:CrashPointFile", CrashPointFile(service));
        }

        return options;
    }

    private string CrashPointFile(string service) => Path.Combine(_crashPoints, service);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
            await RabbitMq.DisposeAsync();
        }

        Directory.Delete(_crashPoints, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class FaultySystemCollection : ICollectionFixture<FaultySystemFixture>
{
    public const string Name = "faulty system";
}
