using AmbassadorNet.Contracts.Audit;
using AmbassadorNet.Messaging;
using AmbassadorNet.Messaging.Outbox;
using AmbassadorNet.Persistence.Tenancy;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AmbassadorNet.TestKit.Services;

/// <summary>What a test reads and writes beside the API: the service's bus, its DbContext and its database in SQL.</summary>
public abstract partial class ServiceUnderTest<TDbContext>
{
    /// <summary>Publishes an event on the service's own bus, as its owner would; the same id makes a duplicate.</summary>
    public Task PublishAsync(object message, Guid? messageId = null) =>
        Services.GetRequiredService<IBus>().Publish(message, message.GetType(), context => context.MessageId = messageId ?? Guid.NewGuid());

    /// <summary>Runs a query against the service's database as <paramref name="brand"/>.</summary>
    public async Task<T> QueryAsync<T>(Guid brand, Func<TDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BrandScope>().Set(brand);
        return await query(scope.ServiceProvider.GetRequiredService<TDbContext>());
    }

    private static readonly string AuditRecordedType = MessageTypes.NameOf(typeof(AuditRecorded));

    /// <summary>
    /// The events the service wrote for a brand, oldest first (the outbox is its event log), without the
    /// audit records its API requests wrote beside them (<see cref="AuditRecordsAsync"/>).
    /// </summary>
    public Task<List<OutboxMessage>> EventsAsync(Guid brand) =>
        QueryAsync(brand, db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.BrandId == brand && m.MessageType != AuditRecordedType)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync());

    /// <summary>The audit records the service's API requests wrote for a brand, oldest first: one per save of a request.</summary>
    public async Task<List<AuditRecorded>> AuditRecordsAsync(Guid brand) =>
        [.. (await QueryAsync(brand, db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.BrandId == brand && m.MessageType == AuditRecordedType)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync()))
            .Select(m => (AuditRecorded)MessageTypes.Deserialize(m.Body, typeof(AuditRecorded)))];

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        command.CommandTimeout = 300; // tests that seed many rows in one statement
        await command.ExecuteNonQueryAsync();
    }

    protected async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    protected static NpgsqlCommand Command(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
