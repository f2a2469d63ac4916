using System.Globalization;
using AmbassadorNet.Payouts;
using AmbassadorNet.Payouts.Persistence;
using AmbassadorNet.Security;
using AmbassadorNet.Security.Testing;
using AmbassadorNet.ServiceDefaults.Time;
using AmbassadorNet.TestKit.Services;

namespace Payouts.Tests;

/// <summary>
/// The payouts service as it ships (<see cref="PayoutsApp"/>) on a loopback port, with its own
/// database, vhost and test clock (a clock offset file: <see cref="MoveClock"/>). The release job
/// runs hourly here, so only the on-demand endpoint releases; <see cref="ReleaseJobService"/> runs it often.
/// Requests carry the finance role and <see cref="FinanceKey"/> unless a test names others.
/// </summary>
public class PayoutsService : ServiceUnderTest<PayoutsDbContext>
{
    private readonly string _clockFile = Path.Combine(Path.GetTempPath(), $"amb-payouts-clock-{Guid.NewGuid():N}");

    public PayoutsService()
        : base(PayoutsApp.Name, PayoutsDbContext.Migrations, PayoutsApp.Create)
    {
        Clock = new OffsetTimeProvider(new ClockOffsetFile(_clockFile));
    }

    public static string Audience => InternalToken.AudienceFor(PayoutsApp.Name);

    public TimeProvider Clock { get; }

    /// <summary>The API key every request carries unless a test names another.</summary>
    public Guid FinanceKey { get; } = Guid.CreateVersion7();

    protected virtual TimeSpan ReleaseInterval => TimeSpan.FromHours(1);

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => ReleaseEvery(ReleaseInterval).Append(new("Clock:OffsetFile", _clockFile));

    protected override IReadOnlyList<string> DefaultRoles => [Roles.Finance];

    // Tokens must be fresh on the service's clock.
    protected override TestTokens CreateTokens() => new(timeProvider: Clock);

    /// <summary>Starts a replica of the service on the same database and vhost, with its own release interval; the caller disposes it.</summary>
    public Task<ServiceReplica> StartReplicaAsync(TimeSpan releaseInterval) => StartReplicaAsync(ReleaseEvery(releaseInterval));

    /// <summary>Moves the service's clock (and the tokens') this far ahead of real time.</summary>
    public void MoveClock(TimeSpan offset) => ClockOffsetFile.Write(_clockFile, offset);

    /// <summary>Sends a request as <paramref name="brand"/> with the finance role and <see cref="FinanceKey"/> unless told otherwise.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Guid brand, object? body = null, Guid? key = null, string[]? roles = null, string? idempotencyKey = null)
    {
        var request = Request(method, path, brand, body, roles ?? DefaultRoles, key ?? FinanceKey);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return Http.SendAsync(request);
    }

    public async Task<JsonElement> ReadAsync(HttpMethod method, string path, Guid brand, object? body = null, Guid? key = null) =>
        await SuccessfulBodyAsync(await SendAsync(method, path, brand, body, key), method, path);

    public async Task PublishAllAsync(params object[] messages)
    {
        foreach (var message in messages)
        {
            await PublishAsync(message);
        }
    }

    /// <summary>The first column of every row, in the query's order (ids straight from the database).</summary>
    public async Task<List<Guid>> IdsAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    public async Task<List<string>> EventTypesAsync(Guid brand) =>
        (await EventsAsync(brand)).Select(e => e.MessageType.Split(',')[0].Split('.')[^1]).ToList();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(_clockFile);
    }

    private static Dictionary<string, string?> ReleaseEvery(TimeSpan interval) =>
        new() { ["Payouts:ReleaseInterval"] = interval.ToString("c", CultureInfo.InvariantCulture) };
}

/// <summary>The same service with the release job running every 200 ms.</summary>
public sealed class ReleaseJobService : PayoutsService
{
    protected override TimeSpan ReleaseInterval => TimeSpan.FromMilliseconds(200);
}
