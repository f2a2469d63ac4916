using AmbassadorNet.Messaging.Inbox;
using AmbassadorNet.Messaging.Parking;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using ServiceDefaults.Tests.Sample.Events;

namespace ServiceDefaults.Tests.Messaging;

public sealed class InboxAndParkingTests(SampleServiceFixture fixture) : IClassFixture<SampleServiceFixture>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private SampleService Service => fixture.Service;

    [Fact]
    public async Task A_message_delivered_three_times_has_its_effect_once()
    {
        var (brand, product) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await PublishAsync(new ProductPublished(brand, Now, product, "Mug", 5m));
        await ReviewCountAsync(brand, product, expected: 0);
        var messageId = NewId.NextGuid();

        for (var i = 0; i < 3; i++)
        {
            await PublishAsync(new ProductReviewed(brand, Now, product, 5), messageId);
        }

        Assert.Equal(1, await ReviewCountAsync(brand, product, expected: 1));
        Assert.Equal(1, await Service.QueryAsync(brand, db => db.Set<InboxMessage>().CountAsync(i => i.MessageId == messageId)));
    }

    [Fact]
    public async Task A_message_before_its_prerequisite_is_parked_then_applied_when_it_arrives()
    {
        var (brand, product) = (Guid.CreateVersion7(), Guid.CreateVersion7());

        await PublishAsync(new ProductReviewed(brand, Now, product, 4));
        var parked = await Eventually.UntilAsync(
            _ => Service.QueryAsync(brand, db => db.Set<ParkedMessage>().Where(p => p.Prerequisite == $"product:{product}").ToListAsync()),
            rows => rows.Count == 1, "the review to be parked");
        Assert.Equal("the product has not been published yet", parked[0].Reason);

        await PublishAsync(new ProductPublished(brand, Now, product, "Lamp", 20m));

        Assert.Equal(1, await ReviewCountAsync(brand, product, expected: 1));
        Assert.Equal(0, await Service.QueryAsync(brand, db => db.Set<ParkedMessage>().CountAsync(p => p.Prerequisite == $"product:{product}")));
    }

    [Fact]
    public async Task A_duplicate_of_a_parked_message_waits_once_and_is_applied_once()
    {
        var (brand, product) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var messageId = NewId.NextGuid();

        await PublishAsync(new ProductReviewed(brand, Now, product, 5), messageId);
        await PublishAsync(new ProductReviewed(brand, Now, product, 5), messageId);
        var parked = await Eventually.SettledAsync(
            _ => Service.QueryAsync(brand, db => db.Set<ParkedMessage>().CountAsync(p => p.MessageId == messageId)), "the review to be parked", fixture.Idle);
        await PublishAsync(new ProductPublished(brand, Now, product, "Chair", 80m));

        Assert.Equal(1, parked);
        Assert.Equal(1, await ReviewCountAsync(brand, product, expected: 1));
        Assert.All(await fixture.Vhost.QueuesAsync(), q => Assert.True(q.Ready == 0 || !q.Name.EndsWith("_error", StringComparison.Ordinal), $"{q.Name} holds {q.Ready}"));
    }

    [Fact]
    public async Task A_message_after_its_prerequisite_is_applied_without_parking()
    {
        var (brand, product) = (Guid.CreateVersion7(), Guid.CreateVersion7());

        await PublishAsync(new ProductPublished(brand, Now, product, "Desk", 200m));
        await ReviewCountAsync(brand, product, expected: 0);
        await PublishAsync(new ProductReviewed(brand, Now, product, 3));

        Assert.Equal(1, await ReviewCountAsync(brand, product, expected: 1));
        Assert.Equal(0, await Service.QueryAsync(brand, db => db.Set<ParkedMessage>().CountAsync(p => p.Prerequisite == $"product:{product}")));
    }

    [Fact]
    public async Task Two_copies_processed_at_the_same_moment_apply_once_and_the_other_is_a_duplicate()
    {
        var (brand, product) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await PublishAsync(new ProductPublished(brand, Now, product, "Lamp", 40m));
        await ReviewCountAsync(brand, product, expected: 0);
        var review = new ProductReviewed(brand, Now, product, 4);
        var messageId = NewId.NextGuid();
        var pipeline = Service.Services.GetRequiredService<InboxPipeline<ShopDbContext>>();

        // The pipeline straight, twice at once with one message id (a duplicate publish delivered to
        // two consumers of the endpoint): the second claim waits on the first copy's inbox row.
        async Task<InboxOutcome> CopyAsync()
        {
            await using var scope = Service.Services.CreateAsyncScope();
            return await pipeline.ProcessAsync(scope.ServiceProvider, review, messageId, "direct-test", parked: null, TestContext.Current.CancellationToken);
        }

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(CopyAsync)));

        Assert.Equal([InboxOutcome.Applied, InboxOutcome.Duplicate], outcomes.Order());
        Assert.Equal(1, await ReviewCountAsync(brand, product, expected: 1));
        Assert.Equal(1, await Service.QueryAsync(brand, db => db.Set<InboxMessage>().CountAsync(i => i.MessageId == messageId)));
    }

    private Task PublishAsync<T>(T message, Guid? messageId = null) where T : class =>
        Service.Bus.Publish(message, context => context.MessageId = messageId ?? NewId.NextGuid(), TestContext.Current.CancellationToken);

    /// <summary>Waits for the replica and its review count to settle; -1 while the replica does not exist.</summary>
    private Task<int> ReviewCountAsync(Guid brand, Guid product, int expected) =>
        Eventually.SettledAsync(
            async _ => await Service.QueryAsync(brand, db => db.Replicas.Where(r => r.Id == product).Select(r => (int?)r.ReviewCount).SingleOrDefaultAsync()) ?? -1,
            $"review count {expected}", fixture.Idle).ContinueWith(t => t.Result == expected ? t.Result : throw new Xunit.Sdk.XunitException($"review count settled at {t.Result}, expected {expected}"));
}
