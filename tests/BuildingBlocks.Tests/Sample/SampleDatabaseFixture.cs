using AmbassadorNet.TestKit.Postgres;

namespace BuildingBlocks.Tests.Sample;

/// <summary>A copy of the sample template database for one test class.</summary>
public sealed class SampleDatabaseFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync("sample", SampleDbContext.Migrations);

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
