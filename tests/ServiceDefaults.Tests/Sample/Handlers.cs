using System.Collections.Concurrent;
using System.Diagnostics;
using AmbassadorNet.Messaging.Inbox;
using AmbassadorNet.Messaging.Parking;
using ServiceDefaults.Tests.Sample.Events;

namespace ServiceDefaults.Tests.Sample;

/// <summary>What the handlers observed, for assertions a table cannot show (trace ids).</summary>
public sealed class HandlerObservations
{
    public ConcurrentQueue<(Guid MessageId, string? TraceId)> Published { get; } = new();

    /// <summary>Attempts per DatabaseHiccup message, and whether the last one succeeded.</summary>
    public ConcurrentDictionary<Guid, int> HiccupAttempts { get; } = new();

    public ConcurrentDictionary<Guid, bool> HiccupApplied { get; } = new();

    /// <summary>The product of every review a batch's preparation was given.</summary>
    public ConcurrentQueue<Guid> PreparedReviews { get; } = new();
}

public sealed class ProductPublishedHandler(ShopDbContext db, ParkingReleases parking, HandlerObservations observations) : IMessageHandler<ProductPublished>
{
    public async Task<HandleResult> HandleAsync(ProductPublished message, InboundMessage context, CancellationToken cancellationToken)
    {
        observations.Published.Enqueue((context.MessageId, Activity.Current?.TraceId.ToString()));
        if (await db.Replicas.FindAsync([message.ProductId], cancellationToken) is null)
        {
            db.Replicas.Add(new ProductReplica { Id = message.ProductId, BrandId = message.BrandId, Name = message.Name });
        }

        parking.Release($"product:{message.ProductId}");
        return HandleResult.Done;
    }
}

public sealed class ProductReviewedHandler(ShopDbContext db, HandlerObservations observations) : IMessageHandler<ProductReviewed>, IPrepareBatch<ProductReviewed>
{
    public Task PrepareAsync(IReadOnlyList<ProductReviewed> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            observations.PreparedReviews.Enqueue(message.ProductId);
        }

        return Task.CompletedTask;
    }

    public async Task<HandleResult> HandleAsync(ProductReviewed message, InboundMessage context, CancellationToken cancellationToken)
    {
        if (message.Stars < 0)
        {
            throw new InvalidOperationException($"A review of {message.Stars} stars can never be applied.");
        }

        // Locked: reviews of one product counted at the same moment (in two batches) must not overwrite each other's count.
        var replica = await db.Replicas.FromSqlInterpolated($"SELECT * FROM product_replicas WHERE id = {message.ProductId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (replica is null)
        {
            return HandleResult.Park($"product:{message.ProductId}", "the product has not been published yet");
        }

        replica.ReviewCount++;
        return HandleResult.Done;
    }
}

/// <summary>Both product events on one queue, as a service that moved from a queue per event to a queue per handler.</summary>
public sealed class ProductFeedHandler(ShopDbContext db, ParkingReleases parking, HandlerObservations observations)
    : IMessageHandler<ProductPublished>, IMessageHandler<ProductReviewed>
{
    public Task<HandleResult> HandleAsync(ProductPublished message, InboundMessage context, CancellationToken cancellationToken) =>
        new ProductPublishedHandler(db, parking, observations).HandleAsync(message, context, cancellationToken);

    public Task<HandleResult> HandleAsync(ProductReviewed message, InboundMessage context, CancellationToken cancellationToken) =>
        new ProductReviewedHandler(db, observations).HandleAsync(message, context, cancellationToken);
}

public sealed class PoisonPillHandler : IMessageHandler<PoisonPill>
{
    public Task<HandleResult> HandleAsync(PoisonPill message, InboundMessage context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"This message can never be applied: {message.Note}");
}

/// <summary>Fails with the error Npgsql raises for a refused connection until the message's failure count is used up.</summary>
public sealed class DatabaseHiccupHandler(HandlerObservations observations) : IMessageHandler<DatabaseHiccup>
{
    public Task<HandleResult> HandleAsync(DatabaseHiccup message, InboundMessage context, CancellationToken cancellationToken)
    {
        var attempt = observations.HiccupAttempts.AddOrUpdate(context.MessageId, 1, (_, n) => n + 1);
        if (attempt <= message.Failures)
        {
            throw new Npgsql.NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));
        }

        observations.HiccupApplied[context.MessageId] = true;
        return Task.FromResult(HandleResult.Done);
    }
}
