using AmbassadorNet.ServiceDefaults.Persistence;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AmbassadorNet.Gateway.Keys;

/// <summary>
/// Every instance LISTENs on <see cref="Channel"/>; a revocation NOTIFYs it with the key's hash in
/// the revoking transaction (PostgreSQL delivers it on commit), and each instance forgets that key.
/// A change to a member NOTIFYs <see cref="EveryKey"/>. After any interruption the whole cache is dropped, since notifications sent meanwhile are lost.
/// </summary>
internal sealed partial class RevocationListener(ApiKeyDirectory directory, IOptions<DatabaseOptions> database, ILogger<RevocationListener> logger)
    : BackgroundService
{
    public const string Channel = "amb_gateway_api_key_revoked";

    /// <summary>The payload that forgets every key: a member changed, and any of their keys may carry other roles now.</summary>
    public const string EveryKey = "*";

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>In the caller's transaction: on commit, every instance forgets every cached key, member and provider.</summary>
    public static Task NotifyEveryKeyAsync(Data.GatewayDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {EveryKey})", cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or IOException && !stoppingToken.IsCancellationRequested)
            {
                LogInterrupted(logger, e.Message);
                directory.ForgetAll();
                await Task.Delay(RetryDelay, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        // Its own unpooled connection, with keepalives so a silently dead link is noticed while waiting.
        var connectionString = new NpgsqlConnectionStringBuilder(database.Value.ConnectionString) { Pooling = false, KeepAlive = 10 }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        connection.Notification += (_, notification) =>
        {
            if (notification.Payload == EveryKey)
            {
                directory.ForgetAll();
            }
            else
            {
                directory.Forget(notification.Payload);
            }
        };
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        // Revocations committed before LISTEN took effect were never heard here.
        directory.ForgetAll();
        while (!stoppingToken.IsCancellationRequested)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "API key revocation feed interrupted ({Reason}); cache cleared, reconnecting")]
    private static partial void LogInterrupted(ILogger logger, string reason);
}
