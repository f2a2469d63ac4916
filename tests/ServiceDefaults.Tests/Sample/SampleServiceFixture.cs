using AmbassadorNet.Messaging.Registration;

namespace ServiceDefaults.Tests.Sample;

/// <summary>One sample service per test class, on its own database and vhost.</summary>
public class SampleServiceFixture : IAsyncLifetime
{
    private readonly string _name;
    private readonly Action<MessagingBuilder<ShopDbContext>>? _handlers;

    public SampleServiceFixture()
        : this("sample", handlers: null)
    {
    }

    /// <param name="handlers">The handler layout, when not the sample's own (<see cref="SampleService.OneHandlerPerEvent"/>).</param>
    protected SampleServiceFixture(string name, Action<MessagingBuilder<ShopDbContext>>? handlers) => (_name, _handlers) = (name, handlers);

    private TestDatabase? _database;
    private TestVhost? _vhost;
    private SampleService? _service;

    public SampleService Service => _service ?? throw new InvalidOperationException("Not started.");

    public TestVhost Vhost => _vhost ?? throw new InvalidOperationException("Not started.");

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not started.");

    /// <summary>Outbox empty and every queue but the error queues drained.</summary>
    public IReadOnlyList<IQuiescenceProbe> Idle => ServiceIdle.Probes(Database, Vhost);

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(_name, ShopDbContext.Migrations);
        _vhost = await TestVhost.CreateAsync(_name);
        _service = await SampleService.StartAsync(_database, _vhost, handlers: _handlers);
    }

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        if (_vhost is not null)
        {
            await _vhost.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
