using AmbassadorNet.SystemTestKit;
using AmbassadorNet.SystemTestKit.Containers;
using Reliability.Tests.Money;

namespace Reliability.Tests.Containers;

/// <summary>
/// A whole system (the AppHost, as ./run.sh starts it) whose RabbitMQ, and the PostgreSQL of one service
/// (tracking: the redirects' clicks and the shops' orders), are containers of this fixture, so a test can
/// stop, kill and restart real servers under load. The other services keep the shared PostgreSQL.
/// </summary>
public sealed class ContainerSystemFixture : LedgerSystemFixture
{
    /// <summary>The service whose database is <see cref="Database"/>.</summary>
    public const string DatabaseService = "tracking";

    public BrokerContainer RabbitMq { get; private set; } = null!;

    public DatabaseContainer Database { get; private set; } = null!;

    /// <summary>Every container this fixture started.</summary>
    public IReadOnlyList<OwnContainer> Containers => [RabbitMq, Database];

    private string _databaseName = "";

    public override async ValueTask InitializeAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var broker = BrokerContainer.RunAsync(cancellation);
        var database = DatabaseContainer.RunAsync(cancellation);
        (RabbitMq, Database) = (await broker, await database);
        await base.InitializeAsync();
    }

    protected override TestSystemOptions Options()
    {
        var options = new TestSystemOptions { EnvironmentName = "Testing", Broker = RabbitMq.Broker };
        // The service's database on the container, under the name the system gives it (its prefix is
        // made per run, hence here, where the settings are made); its migration run creates it there.
        options.AdjustServers = settings =>
        {
            _databaseName = settings.DatabasePrefix + DatabaseService;
            options.WithSetting(DatabaseService, "Database:ConnectionString", Database.ConnectionString(_databaseName));
            return settings;
        };
        return options;
    }

    public override string DatabaseOf(string service) =>
        service == DatabaseService ? Database.ConnectionString(_databaseName) : base.DatabaseOf(service);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var container in new OwnContainer?[] { RabbitMq, Database })
        {
            if (container is not null)
            {
                await container.DisposeAsync();
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ContainerSystemCollection : ICollectionFixture<ContainerSystemFixture>
{
    public const string Name = "system on containers";
}
