namespace ServiceDefaults.Tests.Sample;

/// <summary>One sample service per test class, on its own database and vhost.</summary>
public sealed class SampleServiceFixture : IAsyncLifetime
{
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
        _database = await TestDatabase.CreateAsync("sample", ShopDbContext.Migrations);
        _vhost = await TestVhost.CreateAsync("sample");
        _service = await SampleService.StartAsync(_database, _vhost);
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
