using AmbassadorNet.Messaging.Registration;
using AmbassadorNet.Security.Testing;
using AmbassadorNet.ServiceDefaults.Deployment;
using AmbassadorNet.TestKit.Postgres;
using AmbassadorNet.TestKit.Rabbit;
using AmbassadorNet.TestKit.Waiting;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using ServiceDefaults.Tests.Sample;
using ServiceDefaults.Tests.Sample.Events;

namespace ServiceDefaults.Tests.Messaging;

/// <summary>
/// An upgrade that moves two events from a queue each to one handler's queue: the deployment step
/// carries over what waited in the old queues, error queues included, removes them, and a message
/// the old version already applied is not applied again.
/// </summary>
public sealed class RetiredQueueMigrationTests
{
    private static readonly string[] RetiredQueues =
        ["sample-product-published", "sample-product-reviewed", "sample-product-published_error", "sample-product-reviewed_error"];

    private static void OneQueueForProducts(MessagingBuilder<ShopDbContext> messaging) => messaging
        .Handle<ProductFeedHandler>()
        .Handle<PoisonPillHandler>(endpoint => endpoint.RetryIntervalsMs = [10, 10])
        .Handle<DatabaseHiccupHandler>();

    [Fact]
    public async Task Migrate_only_moves_waiting_and_failed_messages_to_the_handler_queue_and_removes_the_old_queues()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync("sample", ShopDbContext.Migrations);
        await using var vhost = await TestVhost.CreateAsync("retire");
        var (brand, product) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var firstReview = NewId.NextGuid();

        // The earlier version applies a product and its first review, then stops.
        await using (var earlier = await SampleService.StartAsync(database, vhost))
        {
            await earlier.Bus.Publish(new ProductPublished(brand, DateTimeOffset.UtcNow, product, "Lamp", 1m), cancellation);
            await earlier.Bus.Publish(new ProductReviewed(brand, DateTimeOffset.UtcNow, product, 5), c => c.MessageId = firstReview, cancellation);
            await Eventually.UntilAsync(_ => ReviewCountAsync(earlier, brand, product), count => count == 1, "the first review");
        }

        SampleService.ForgetLogContext();

        // While it is down: a redelivered copy of the first review, a second review, and a failed message in an error queue.
        using var tokens = new TestTokens();
        // Another service publishes: it consumes none of the product events itself.
        await using (var producer = SampleService.Build(database, vhost, tokens, handlers: messaging => messaging.Handle<PoisonPillHandler>()))
        {
            var bus = producer.Services.GetRequiredService<IBusControl>();
            await bus.StartAsync(cancellation);
            await bus.Publish(new ProductReviewed(brand, DateTimeOffset.UtcNow, product, 5), c => c.MessageId = firstReview, cancellation);
            await bus.Publish(new ProductReviewed(brand, DateTimeOffset.UtcNow, product, 4), cancellation);
            await bus.StopAsync(cancellation);
        }

        SampleService.ForgetLogContext();
        await PublishRawAsync(vhost, "sample-product-reviewed_error", cancellation);

        await using (var migrate = SampleService.Build(database, vhost, tokens,
            settings: new Dictionary<string, string?> { [DeploymentCommands.MigrateOnlySetting] = "true" }, handlers: OneQueueForProducts))
        {
            Assert.True(await migrate.RunDeploymentCommandAsync([]));
        }

        SampleService.ForgetLogContext();
        var queues = (await vhost.QueuesAsync()).Select(q => q.Name).ToList();
        Assert.Empty(queues.Intersect(RetiredQueues));
        var ready = await vhost.ReadyNowAsync(["sample-product-feed", "sample-product-feed_error"], cancellation);
        Assert.Equal(2u, ready["sample-product-feed"]);
        Assert.Equal(1u, ready["sample-product-feed_error"]);

        await using var upgraded = await SampleService.StartAsync(database, vhost, handlers: OneQueueForProducts);
        var reviews = await Eventually.SettledAsync(_ => ReviewCountAsync(upgraded, brand, product), "the waiting reviews", [new QueuesIdle(vhost, "_error")]);
        Assert.Equal(2, reviews); // the copy of the first review was recognised; the second one counted
    }

    private static Task<int> ReviewCountAsync(SampleService service, Guid brand, Guid product) =>
        service.QueryAsync(brand, db => db.Replicas.Where(r => r.Id == product).Select(r => r.ReviewCount).SingleOrDefaultAsync());

    private static async Task PublishRawAsync(TestVhost vhost, string exchange, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = vhost.AmqpUri() };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var properties = new BasicProperties { MessageId = Guid.NewGuid().ToString(), Persistent = true };
        await channel.BasicPublishAsync(exchange, "", mandatory: true, properties, "{\"failed\":true}"u8.ToArray(), cancellationToken);
    }
}
