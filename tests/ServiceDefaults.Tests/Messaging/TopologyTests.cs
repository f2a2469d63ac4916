using System.Text.Json;
using AmbassadorNet.Persistence.Schema;
using AmbassadorNet.Security.Testing;
using AmbassadorNet.ServiceDefaults.Deployment;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using ServiceDefaults.Tests.Sample.Events;

namespace ServiceDefaults.Tests.Messaging;

public sealed class TopologyTests
{
    [Fact]
    public async Task Migrate_only_declares_the_queues_so_events_published_before_the_consumer_starts_are_kept()
    {
        await using var database = await TestDatabase.CreateAsync("sample", ShopDbContext.Migrations);
        await using var vhost = await TestVhost.CreateAsync("topology");
        using var tokens = new TestTokens();
        await using (var migrateOnly = SampleService.Build(database, vhost, tokens, settings: new Dictionary<string, string?> { [DeploymentCommands.MigrateOnlySetting] = "true" }))
        {
            Assert.True(await migrateOnly.RunDeploymentCommandAsync([]));
        }

        SampleService.ForgetLogContext();

        // Another service publishes while this one is not running.
        var (brand, product) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await using (var producer = SampleService.Build(database, vhost, tokens))
        {
            var bus = producer.Services.GetRequiredService<IBusControl>();
            await bus.StartAsync(TestContext.Current.CancellationToken);
            await bus.Publish(new ProductPublished(brand, DateTimeOffset.UtcNow, product, "Early", 1m), TestContext.Current.CancellationToken);
            await bus.StopAsync(TestContext.Current.CancellationToken);
        }

        SampleService.ForgetLogContext();

        await using var service = await SampleService.StartAsync(database, vhost);
        var replicas = await Eventually.SettledAsync(_ => service.QueryAsync(brand, db => db.Replicas.CountAsync(r => r.Id == product)), "the early event",
            [new QueuesIdle(vhost, "_error")]);
        Assert.Equal(1, replicas);
    }

    [Fact]
    public async Task Money_path_endpoints_are_quorum_queues_that_dead_letter_to_their_error_queue()
    {
        await using var database = await TestDatabase.CreateAsync("sample", ShopDbContext.Migrations);
        await using var vhost = await TestVhost.CreateAsync("quorum");
        await using var service = await SampleService.StartAsync(database, vhost);

        var queue = await RabbitManagement.QueueAsync(vhost.Name, "sample-product-reviewed");
        var arguments = queue.GetProperty("arguments");

        Assert.Equal("quorum", queue.GetProperty("type").GetString());
        Assert.Equal(5, arguments.GetProperty("x-delivery-limit").GetInt32());
        Assert.Equal("sample-product-reviewed_error", arguments.GetProperty("x-dead-letter-exchange").GetString());
        Assert.Equal("at-least-once", arguments.GetProperty("x-dead-letter-strategy").GetString());
        Assert.Equal("classic", (await RabbitManagement.QueueAsync(vhost.Name, "sample-product-published")).GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_sample_schema_including_the_messaging_tables_matches_the_model()
    {
        await using var database = await TestDatabase.CreateAsync("sample", ShopDbContext.Migrations);
        var options = new DbContextOptionsBuilder<ShopDbContext>().UseNpgsql(database.ConnectionString).Options;
        await using var context = new ShopDbContext(options, new AmbassadorNet.Persistence.Tenancy.BrandScope());

        var drift = await SchemaComparer.FindDriftAsync(context, TestContext.Current.CancellationToken);

        Assert.Empty(drift);
    }
}
