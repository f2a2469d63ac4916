using System.Threading.Channels;
using AmbassadorNet.ServiceDefaults.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AmbassadorNet.Tracking.Resolution;

/// <summary>
/// Keeps this replica's <see cref="CodeDirectory"/> and <see cref="AttributionDirectory"/> current.
/// It LISTENs before it loads, so nothing committed during the load is missed, and the triggers
/// NOTIFY in the transaction that changes a link, promo code, enrollment or campaign, so a
/// notification arrives exactly when the change is visible. After a lost connection it loads
/// everything again (notifications sent meanwhile are gone; until then the generations the orders'
/// inserts check send attribution to the tables). Start completes only after the first load: the
/// web server opens after hosted services start.
/// </summary>
public sealed class DirectoryListener(
    CodeDirectory directory, AttributionDirectory attribution, DirectoryReader reader, IOptions<DatabaseOptions> database, ILogger<DirectoryListener> logger)
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
        // Generations first: a change committed after this read carries a higher one, so memory
        // cannot claim it before its notification has been applied.
        var generations = await reader.GenerationsAsync(ct);
        var links = await reader.AllLinksAsync(ct);
        var campaigns = await reader.AllCampaignsAsync(ct);
        var enrollments = await reader.AllEnrollmentsAsync(ct);
        var promos = await reader.AllActivePromosAsync(ct);
        directory.Replace(links.Select(l => l.Link), campaigns.Select(CampaignRoute.Of));
        attribution.Replace(generations, promos, enrollments, campaigns);
        logger.LogInformation(
            "Directories loaded: {Links} links, {Promos} promo codes, {Enrollments} enrollments, {Campaigns} campaigns",
            links.Count, promos.Count, enrollments.Count, campaigns.Count);
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

    /// <summary>Applies "kind:key:brand:generation"; the generation counts as applied only once the change is in memory.</summary>
    private async Task ApplyAsync(string change, CancellationToken ct)
    {
        var parts = change.Split(':');
        if (parts.Length != 4 || !Guid.TryParse(parts[2], out var brandId) || !long.TryParse(parts[3], out var generation))
        {
            logger.LogWarning("Ignored a directory notification of an unknown form: {Change}", change);
            return;
        }

        try
        {
            await ApplyChangeAsync(parts[0], parts[1], ct);
            attribution.Applied(brandId, generation);
        }
        catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
        {
            // The redirect's miss path reads the tables, and so does attribution while this brand's
            // generation stays behind: a lost update costs latency, not correctness, until the next reload.
            logger.LogWarning(e, "Could not apply directory change {Change}", change);
        }
    }

    private async Task ApplyChangeAsync(string kind, string key, CancellationToken ct)
    {
        switch (kind)
        {
            case "link" when await reader.LinkAsync(key, ct) is { } link:
                directory.Put(link.Link, link.Active);
                break;
            case "promo" when await reader.PromoAsync(Guid.Parse(key), ct) is { } promo:
                attribution.Put(promo);
                break;
            case "enrollment":
                var enrollmentId = Guid.Parse(key);
                foreach (var (link, active) in await reader.LinksOfEnrollmentAsync(enrollmentId, ct))
                {
                    directory.Put(link, active);
                }

                if (await reader.EnrollmentAsync(enrollmentId, ct) is { } enrollment)
                {
                    attribution.Put(enrollment);
                }

                break;
            case "campaign" when await reader.CampaignAsync(Guid.Parse(key), ct) is { } campaign:
                directory.Put(CampaignRoute.Of(campaign));
                attribution.Put(campaign);
                break;
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
