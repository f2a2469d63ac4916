using System.Threading.Channels;
using AmbassadorNet.ServiceDefaults.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AmbassadorNet.Tracking.Resolution;

/// <summary>
/// Keeps this replica's <see cref="CodeDirectory"/> current. It LISTENs before it loads, so nothing
/// committed during the load is missed, and the triggers NOTIFY in the transaction that changes a
/// link, enrollment or campaign, so a notification arrives exactly when the change is visible.
/// After a lost connection it loads everything again (notifications sent meanwhile are gone).
/// Start completes only after the first load: the web server opens after hosted services start.
/// </summary>
public sealed class DirectoryListener(CodeDirectory directory, DirectoryReader reader, IOptions<DatabaseOptions> database, ILogger<DirectoryListener> logger)
    : IHostedService, IAsyncDisposable
{
    public const string ChannelName = "tracking_directory";

    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private Task? _listening;
    private Task? _applying;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The database may be slow or restarting as the service starts: keep trying rather than crash;
        // the web server opens only once the directory is loaded.
        var connection = await ConnectAndLoadAsync(cancellationToken);
        _listening = Task.Run(() => ListenLoopAsync(connection, _stopping.Token), CancellationToken.None);
        _applying = Task.Run(() => ApplyLoopAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        _changes.Writer.TryComplete();
        await Task.WhenAll(_listening ?? Task.CompletedTask, _applying ?? Task.CompletedTask).WaitAsync(cancellationToken);
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken ct)
    {
        // Unpooled: this connection lives as long as the process and must not hold a slot of the request pool.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.Value.ConnectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString);
        await connection.OpenAsync(ct);
        connection.Notification += (_, e) => _changes.Writer.TryWrite(e.Payload);
        await using var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection);
        await listen.ExecuteNonQueryAsync(ct);
        return connection;
    }

    private async Task LoadAllAsync(CancellationToken ct)
    {
        var links = await reader.AllLinksAsync(ct);
        var campaigns = await reader.AllCampaignsAsync(ct);
        directory.Replace(links.Select(l => l.Link), campaigns);
        logger.LogInformation("Code directory loaded: {Links} links, {Campaigns} campaigns", links.Count, campaigns.Count);
    }

    private async Task ListenLoopAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
            {
                logger.LogWarning(e, "Lost the notification connection; reconnecting and reloading the code directory");
                await connection.DisposeAsync();
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                connection = await ConnectAndLoadAsync(ct);
            }
        }

        await connection.DisposeAsync();
    }

    /// <summary>LISTEN, then load everything; on a transient failure retry every second until it works or the host stops.</summary>
    private async Task<NpgsqlConnection> ConnectAndLoadAsync(CancellationToken ct)
    {
        while (true)
        {
            NpgsqlConnection? connection = null;
            try
            {
                connection = await ListenAsync(ct);
                await LoadAllAsync(ct);
                return connection;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
            {
                logger.LogWarning(e, "Connecting the notification connection or loading the code directory failed; retrying");
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }

                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }

    private async Task ApplyLoopAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var change in _changes.Reader.ReadAllAsync(ct))
            {
                await ApplyAsync(change, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // stopping
        }
    }

    private async Task ApplyAsync(string change, CancellationToken ct)
    {
        var (kind, key) = (change.Split(':', 2)[0], change.Split(':', 2)[^1]);
        try
        {
            switch (kind)
            {
                case "link" when await reader.LinkAsync(key, ct) is { } link:
                    directory.Put(link.Link, link.Active);
                    break;
                case "enrollment":
                    foreach (var (link, active) in await reader.LinksOfEnrollmentAsync(Guid.Parse(key), ct))
                    {
                        directory.Put(link, active);
                    }

                    break;
                case "campaign" when await reader.CampaignAsync(Guid.Parse(key), ct) is { } campaign:
                    directory.Put(campaign);
                    break;
            }
        }
        catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
        {
            // The miss path still reads the database, so a lost update costs latency, not correctness, until the next reload.
            logger.LogWarning(e, "Could not apply directory change {Change}", change);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        _stopping.Dispose();
    }
}
