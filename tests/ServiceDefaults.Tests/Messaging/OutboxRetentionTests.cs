using System.Net;
using AmbassadorNet.Messaging.Outbox;
using AmbassadorNet.Security.Testing;
using AmbassadorNet.ServiceDefaults.Time;
using ServiceDefaults.Tests.Http;

namespace ServiceDefaults.Tests.Messaging;

public sealed class OutboxRetentionTests : IDisposable
{
    private readonly string _clockFile = Path.Combine(Path.GetTempPath(), $"amb-clock-{Guid.NewGuid():N}");

    [Fact]
    public async Task Published_events_are_kept_for_the_retention_period_then_removed_when_the_clock_passes_it()
    {
        await using var database = await TestDatabase.CreateAsync("sample", ShopDbContext.Migrations);
        await using var vhost = await TestVhost.CreateAsync("retention");
        using var tokens = new TestTokens();
        await using var app = SampleService.Build(database, vhost, tokens, settings: new Dictionary<string, string?>
        {
            ["Clock:OffsetFile"] = _clockFile,
            ["Outbox:Retention"] = "30.00:00:00",
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var service = SampleService.Attach(app, tokens);
        var brand = Guid.CreateVersion7();
        var created = await service.Http.SendAsync(service.Request(HttpMethod.Post, "/api/products", brand).WithJson(new { name = "Kept", price = 1 }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await Eventually.UntilAsync(async _ => await EventsAsync(service, brand, dispatched: true) == 1, "the event to be published");

        ClockOffsetFile.Write(_clockFile, TimeSpan.FromDays(29));
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken); // several dispatcher loops
        Assert.Equal(1, await EventsAsync(service, brand, dispatched: true));

        ClockOffsetFile.Write(_clockFile, TimeSpan.FromDays(31));
        await Eventually.UntilAsync(async _ => await EventsAsync(service, brand, dispatched: true) == 0, "the event to pass retention");
        Assert.Equal(1, await service.QueryAsync(brand, db => db.Products.CountAsync()));
        SampleService.ForgetLogContext();
    }

    private static Task<int> EventsAsync(SampleService service, Guid brand, bool dispatched) =>
        service.QueryAsync(brand, db => db.Set<OutboxMessage>().CountAsync(m => m.BrandId == brand && (m.DispatchedAt != null) == dispatched));

    public void Dispose() => File.Delete(_clockFile);
}
