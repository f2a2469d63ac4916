using System.Collections.Concurrent;
using System.Text.Json;
using AmbassadorNet.Audit;
using AmbassadorNet.Audit.Persistence;
using AmbassadorNet.Contracts.Audit;
using AmbassadorNet.Messaging;
using AmbassadorNet.TestKit.Services;
using AmbassadorNet.TestKit.Waiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Audit.Tests;

/// <summary>
/// The audit service as it ships (<see cref="AuditApp"/>) on a loopback port, with its own database and
/// vhost, anchoring every <see cref="AnchorInterval"/>, its log lines kept in <see cref="Logs"/>.
/// </summary>
public sealed class AuditService() : ServiceUnderTest<AuditDbContext>(AuditApp.Name, AuditDbContext.Migrations, CreateWithCapturedLogs)
{
    public static readonly TimeSpan AnchorInterval = TimeSpan.FromMilliseconds(300);

    /// <summary>Every line any audit app of this run logged (the brand's id tells tests apart).</summary>
    public static IReadOnlyList<string> Logs => [.. CapturedLines];

    private static readonly ConcurrentQueue<string> CapturedLines = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        new Dictionary<string, string?>
        {
            ["Audit:AnchorInterval"] = AnchorInterval.ToString(),
            // The test kit logs warnings only; the anchors' lines are what a test reads here.
            [$"Logging:LogLevel:{typeof(AmbassadorNet.Audit.Chain.AnchorJob).FullName}"] = "Information",
        };

    /// <summary>The capture joins after the build: the service's defaults clear the logging providers a builder had.</summary>
    private static WebApplication CreateWithCapturedLogs(string[] args, Action<WebApplicationBuilder> configure)
    {
        var app = AuditApp.Create(args, configure);
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(new LineCapture(CapturedLines));
        return app;
    }

    /// <summary>The entries of <paramref name="brand"/>'s chain, oldest first, as the database holds them.</summary>
    public Task<List<AmbassadorNet.Audit.Domain.AuditEntry>> EntriesAsync(Guid brand) =>
        QueryAsync(brand, db => db.Entries.AsNoTracking().OrderBy(e => e.Seq).ToListAsync());

    /// <summary>Waits until <paramref name="brand"/>'s chain holds <paramref name="count"/> entries and stays so.</summary>
    public async Task<List<AmbassadorNet.Audit.Domain.AuditEntry>> SettledEntriesAsync(Guid brand, int count)
    {
        await Eventually.UntilAsync(async _ => (await EntriesAsync(brand)).Count, n => n >= count, $"{count} audit entries of brand {brand}");
        Assert.Equal(count, await Eventually.SettledAsync(async _ => (await EntriesAsync(brand)).Count, "audit entries to stop arriving", Idle));
        return await EntriesAsync(brand);
    }

    /// <summary>The anchors published for a brand, read from the outbox as a subscriber would receive them, oldest first.</summary>
    public async Task<List<AuditChainAnchored>> PublishedAnchorsAsync(Guid brand) =>
        [.. (await EventsAsync(brand)).Where(e => e.MessageType == MessageTypes.NameOf(typeof(AuditChainAnchored)))
            .Select(e => (AuditChainAnchored)MessageTypes.Deserialize(e.Body, typeof(AuditChainAnchored)))];

    /// <summary>Waits until an anchor of <paramref name="brand"/> at <paramref name="seq"/> is published.</summary>
    public Task<List<AuditChainAnchored>> AnchoredAtAsync(Guid brand, long seq) =>
        Eventually.UntilAsync(_ => PublishedAnchorsAsync(brand), anchors => anchors.Any(a => a.Seq == seq), $"an anchor of brand {brand} at {seq}");

    /// <summary>Runs SQL as an insider with superuser rights: triggers off for the session (session_replication_role = replica).</summary>
    public async Task TamperAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using (var off = Command(connection, "SET session_replication_role = replica", []))
        {
            await off.ExecuteNonQueryAsync();
        }

        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<JsonElement> VerifyAsync(Guid brand) => await ReadAsync(HttpMethod.Get, "/api/audit/verify", brand);

    private sealed class LineCapture(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(lines, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
        }
    }
}
