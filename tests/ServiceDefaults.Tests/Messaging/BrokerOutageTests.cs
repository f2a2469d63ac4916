using System.Net;
using AmbassadorNet.TestKit;
using AmbassadorNet.TestKit.Network;
using ServiceDefaults.Tests.Http;

namespace ServiceDefaults.Tests.Messaging;

/// <summary>The broker becomes unreachable through a proxy of our own; the shared RabbitMQ is never touched.</summary>
public sealed class BrokerOutageTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestVhost _vhost = null!;
    private TcpProxy _proxy = null!;
    private SampleService _service = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("sample", ShopDbContext.Migrations);
        _vhost = await TestVhost.CreateAsync("outage");
        _proxy = TcpProxy.Start(TestServers.RabbitHost, TestServers.RabbitPort);
        _service = await SampleService.StartAsync(_database, _vhost, _proxy.Port);
    }

    [Fact]
    public async Task Commands_commit_while_the_broker_is_down_and_every_event_arrives_once_it_is_back()
    {
        var brand = Guid.CreateVersion7();
        _proxy.SetMode(ProxyMode.Refuse);
        await Eventually.UntilAsync(async _ => (await _service.Http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable,
            "readiness to report the broker down");

        for (var i = 0; i < 5; i++)
        {
            var created = await _service.Http.SendAsync(_service.Request(HttpMethod.Post, "/api/products", brand).WithJson(new { name = $"Offline {i}", price = i }));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        Assert.Equal(5, await _service.QueryAsync(brand, db => db.Products.CountAsync()));
        Assert.Equal(0, await _service.QueryAsync(brand, db => db.Replicas.CountAsync()));

        _proxy.SetMode(ProxyMode.Forward);

        var idle = ServiceIdle.Probes(_database, _vhost);
        var replicas = await Eventually.SettledAsync(_ => _service.QueryAsync(brand, db => db.Replicas.CountAsync()), "all events", idle, TimeSpan.FromSeconds(90));
        Assert.Equal(5, replicas);
        await Eventually.UntilAsync(async _ => (await _service.Http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "readiness to recover");
    }

    public async ValueTask DisposeAsync()
    {
        await _service.DisposeAsync();
        await _proxy.DisposeAsync();
        await _vhost.DisposeAsync();
        await _database.DisposeAsync();
    }
}
