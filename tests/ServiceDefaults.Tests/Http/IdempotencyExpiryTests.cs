using System.Net;
using AmbassadorNet.Security.Testing;
using AmbassadorNet.ServiceDefaults.Idempotency;
using AmbassadorNet.ServiceDefaults.Time;

namespace ServiceDefaults.Tests.Http;

/// <summary>Idempotency keys live for Idempotency:Retention (24 h by default), then the sweeper deletes them.</summary>
public sealed class IdempotencyExpiryTests : IDisposable
{
    private readonly string _clockFile = Path.Combine(Path.GetTempPath(), $"amb-clock-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_key_replays_within_its_retention_then_is_swept_and_the_same_request_runs_again()
    {
        await using var database = await TestDatabase.CreateAsync("sample", ShopDbContext.Migrations);
        await using var vhost = await TestVhost.CreateAsync("idempotency");
        using var tokens = new TestTokens(timeProvider: new OffsetTimeProvider(new ClockOffsetFile(_clockFile))); // tokens valid at the service's time
        await using var app = SampleService.Build(database, vhost, tokens, settings: new Dictionary<string, string?>
        {
            ["Clock:OffsetFile"] = _clockFile,
            ["Idempotency:SweepInterval"] = "00:00:00.200",
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var service = SampleService.Attach(app, tokens);
        var brand = Guid.CreateVersion7();
        var key = Guid.NewGuid().ToString();

        var first = await CreateAsync(service, brand, key);
        ClockOffsetFile.Write(_clockFile, TimeSpan.FromHours(23));
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken); // several sweeps
        var withinRetention = await CreateAsync(service, brand, key);
        ClockOffsetFile.Write(_clockFile, TimeSpan.FromHours(25));
        await Eventually.UntilAsync(async _ => await KeysAsync(service, brand) == 0, "the expired key to be swept");
        var afterExpiry = await CreateAsync(service, brand, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.True(withinRetention.Headers.Contains("Idempotent-Replayed"), $"{(int)withinRetention.StatusCode} {await withinRetention.Content.ReadAsStringAsync()}");
        Assert.Equal(first.Headers.Location, withinRetention.Headers.Location);
        Assert.Equal(HttpStatusCode.Created, afterExpiry.StatusCode);
        Assert.False(afterExpiry.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(first.Headers.Location, afterExpiry.Headers.Location);
        Assert.Equal(2, await service.QueryAsync(brand, db => db.Products.CountAsync()));
        SampleService.ForgetLogContext();
    }

    private static Task<HttpResponseMessage> CreateAsync(SampleService service, Guid brand, string key) =>
        service.Http.SendAsync(service.Request(HttpMethod.Post, "/api/products", brand).WithJson(new { name = "Mug", price = 3 }).WithHeader("Idempotency-Key", key));

    private static Task<int> KeysAsync(SampleService service, Guid brand) =>
        service.QueryAsync(brand, db => db.Set<IdempotencyRecord>().CountAsync(r => r.BrandId == brand));

    public void Dispose() => File.Delete(_clockFile);
}
