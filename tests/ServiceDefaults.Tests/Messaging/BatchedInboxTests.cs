using System.Diagnostics;
using AmbassadorNet.Messaging.Inbox;
using AmbassadorNet.Messaging.Parking;
using AmbassadorNet.Messaging.Registration;
using AmbassadorNet.Messaging.Tracing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using ServiceDefaults.Tests.Sample.Events;

namespace ServiceDefaults.Tests.Messaging;

/// <summary>
/// The inbox's guarantees when a handler applies the messages delivered together in one transaction
/// (<see cref="InboxBatcher{TContext}"/>): each message once, a poison message alone in the error
/// queue, parking per message, nothing twice after a commit, and each message in its own trace.
/// </summary>
public sealed class BatchedInboxTests(BatchedSampleFixture fixture) : IClassFixture<BatchedSampleFixture>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private SampleService Service => fixture.Service;

    [Fact]
    public async Task Messages_delivered_together_are_applied_once_each_in_shared_transactions()
    {
        var (brand, product) = await PublishedProductAsync();
        var ids = Enumerable.Range(0, 40).Select(_ => NewId.NextGuid()).ToList();

        await Task.WhenAll(ids.Select(id => PublishAsync(new ProductReviewed(brand, Now, product, 5), id)));

        Assert.Equal(40, await ReviewCountAsync(brand, product, expected: 40));
        // Every inbox row of one transaction carries the same processed_at: fewer distinct times than rows is fewer commits.
        var commits = await Service.QueryAsync(brand, db => db.Set<InboxMessage>().Where(i => ids.Contains(i.MessageId)).Select(i => i.ProcessedAt).Distinct().CountAsync());
        Assert.InRange(commits, 1, 39);
    }

    [Fact]
    public async Task A_duplicate_inside_a_batch_or_in_a_later_one_applies_once()
    {
        var (brand, product) = await PublishedProductAsync();
        var repeated = NewId.NextGuid();

        await Task.WhenAll(
            Enumerable.Range(0, 10).Select(_ => PublishAsync(new ProductReviewed(brand, Now, product, 4)))
                .Concat(Enumerable.Range(0, 3).Select(_ => PublishAsync(new ProductReviewed(brand, Now, product, 4), repeated))));
        await ReviewCountAsync(brand, product, expected: 11);
        await PublishAsync(new ProductReviewed(brand, Now, product, 4), repeated);

        Assert.Equal(11, await ReviewCountAsync(brand, product, expected: 11));
        Assert.Equal(1, await Service.QueryAsync(brand, db => db.Set<InboxMessage>().CountAsync(i => i.MessageId == repeated)));
    }

    [Fact]
    public async Task A_batch_is_prepared_with_the_messages_it_applies_and_never_with_one_applied_before()
    {
        var (brand, product) = await PublishedProductAsync();
        var earlier = Enumerable.Range(0, 5).Select(_ => NewId.NextGuid()).ToList();
        await Task.WhenAll(earlier.Select(id => PublishAsync(new ProductReviewed(brand, Now, product, 4), id)));
        await ReviewCountAsync(brand, product, expected: 5);
        var preparedBefore = Service.Observations.PreparedReviews.Count(p => p == product);

        await Task.WhenAll(earlier.Concat(Enumerable.Range(0, 15).Select(_ => NewId.NextGuid())).Select(id => PublishAsync(new ProductReviewed(brand, Now, product, 4), id)));

        Assert.Equal(20, await ReviewCountAsync(brand, product, expected: 20));
        var prepared = Service.Observations.PreparedReviews.Count(p => p == product) - preparedBefore;
        Assert.InRange(prepared, 2, 15); // batches were prepared; the five applied before were not among them
    }

    [Fact]
    public async Task A_poison_message_goes_to_the_error_queue_alone_and_the_rest_of_its_batch_applies()
    {
        var (brand, product) = await PublishedProductAsync();
        var poison = NewId.NextGuid();

        await Task.WhenAll(
            Enumerable.Range(0, 15).Select(_ => PublishAsync(new ProductReviewed(brand, Now, product, 3)))
                .Append(PublishAsync(new ProductReviewed(brand, Now, product, -1), poison)));

        Assert.Equal(15, await ReviewCountAsync(brand, product, expected: 15));
        await Eventually.UntilAsync(_ => ErrorQueueReadyAsync(), ready => ready >= 1, "the poison review to reach the error queue");
        Assert.Equal(0, await Service.QueryAsync(brand, db => db.Set<InboxMessage>().CountAsync(i => i.MessageId == poison)));
    }

    [Fact]
    public async Task A_message_whose_prerequisite_is_missing_is_parked_while_its_batch_mates_apply()
    {
        var (brand, known) = await PublishedProductAsync();
        var unknown = Guid.CreateVersion7();

        await Task.WhenAll(
            Enumerable.Range(0, 10).Select(_ => PublishAsync(new ProductReviewed(brand, Now, known, 5)))
                .Concat(Enumerable.Range(0, 2).Select(_ => PublishAsync(new ProductReviewed(brand, Now, unknown, 2)))));

        Assert.Equal(10, await ReviewCountAsync(brand, known, expected: 10));
        await Eventually.UntilAsync(
            _ => Service.QueryAsync(brand, db => db.Set<ParkedMessage>().CountAsync(p => p.Prerequisite == $"product:{unknown}")),
            parked => parked == 2, "both reviews of the unknown product to be parked");

        await PublishAsync(new ProductPublished(brand, Now, unknown, "Late", 1m));

        Assert.Equal(2, await ReviewCountAsync(brand, unknown, expected: 2));
    }

    [Fact]
    public async Task A_batch_delivered_again_after_its_commit_changes_nothing()
    {
        var (brand, product) = await PublishedProductAsync();
        var registration = Service.Services.GetRequiredService<HandlerCatalog>().Of(typeof(ProductReviewed));
        var pipeline = Service.Services.GetRequiredService<InboxPipeline<ShopDbContext>>();
        var ids = Enumerable.Range(0, 5).Select(_ => NewId.NextGuid()).ToList();

        // The pipeline straight: what a redelivery after a crash between commit and acknowledgement meets.
        async Task<IReadOnlyList<InboxOutcome>?> DeliverAsync()
        {
            await using var scope = Service.Services.CreateAsyncScope();
            var items = ids.Select(id => new InboxItem(new ProductReviewed(brand, Now, product, 5), id, registration, null, CancellationToken.None)).ToList();
            return await pipeline.ProcessTogetherAsync(scope.ServiceProvider, items, TestContext.Current.CancellationToken);
        }

        var first = await DeliverAsync();
        var again = await DeliverAsync();

        Assert.Equal(Enumerable.Repeat(InboxOutcome.Applied, 5), first!);
        Assert.Equal(Enumerable.Repeat(InboxOutcome.Duplicate, 5), again!);
        Assert.Equal(5, await ReviewCountAsync(brand, product, expected: 5));
    }

    [Fact]
    public async Task Each_message_of_a_batch_is_handled_in_its_own_trace()
    {
        var brand = Guid.CreateVersion7();
        var traces = Enumerable.Range(0, 12).ToDictionary(_ => NewId.NextGuid(), _ => ActivityTraceId.CreateRandom());

        await Task.WhenAll(traces.Select(t => PublishInTraceAsync(new ProductPublished(brand, Now, Guid.CreateVersion7(), "Traced", 1m), t.Key, t.Value)));

        await Eventually.UntilAsync(_ => Task.FromResult(traces.Keys.All(id => Service.Observations.Published.Any(p => p.MessageId == id))), "every product to be handled");
        Assert.All(traces, t => Assert.Equal(t.Value.ToString(), Service.Observations.Published.First(p => p.MessageId == t.Key).TraceId));
    }

    private async Task<(Guid Brand, Guid Product)> PublishedProductAsync()
    {
        var (brand, product) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await PublishAsync(new ProductPublished(brand, Now, product, "Batched", 5m));
        await ReviewCountAsync(brand, product, expected: 0);
        return (brand, product);
    }

    private Task PublishAsync<T>(T message, Guid? messageId = null) where T : class =>
        Service.Bus.Publish(message, context => context.MessageId = messageId ?? NewId.NextGuid(), TestContext.Current.CancellationToken);

    private async Task PublishInTraceAsync<T>(T message, Guid messageId, ActivityTraceId trace) where T : class
    {
        var traceParent = $"00-{trace}-{ActivitySpanId.CreateRandom()}-01";
        await Service.Bus.Publish(message, context =>
        {
            context.MessageId = messageId;
            context.Headers.Set(MessagingActivities.TraceParentHeader, traceParent);
        }, TestContext.Current.CancellationToken);
    }

    private async Task<long> ErrorQueueReadyAsync() =>
        (await fixture.Vhost.QueuesAsync()).Where(q => q.Name == "sample-product-reviewed_error").Sum(q => q.Ready);

    /// <summary>Waits for the replica's review count to settle and checks it; -1 while the replica does not exist.</summary>
    private async Task<int> ReviewCountAsync(Guid brand, Guid product, int expected)
    {
        var settled = await Eventually.SettledAsync(
            async _ => await Service.QueryAsync(brand, db => db.Replicas.Where(r => r.Id == product).Select(r => (int?)r.ReviewCount).SingleOrDefaultAsync()) ?? -1,
            $"review count {expected}", fixture.Idle);
        return settled == expected ? settled : throw new Xunit.Sdk.XunitException($"review count settled at {settled}, expected {expected}");
    }
}

/// <summary>The sample service with both product handlers batching, on a database and vhost of its own.</summary>
public sealed class BatchedSampleFixture() : SampleServiceFixture("batched", Batched)
{
    private static void Batched(MessagingBuilder<ShopDbContext> messaging) => messaging
        .Handle<ProductPublishedHandler>(endpoint => endpoint.Batch = new BatchSettings(MessageLimit: 16, TimeLimitMs: 50))
        .Handle<ProductReviewedHandler>(endpoint =>
        {
            endpoint.Quorum = true;
            endpoint.RetryIntervalsMs = [10, 10];
            endpoint.Batch = new BatchSettings(MessageLimit: 16, TimeLimitMs: 50);
        });
}
