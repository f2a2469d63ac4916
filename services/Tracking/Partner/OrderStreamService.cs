using AmbassadorNet.Partner.V1;
using Grpc.Core;

namespace AmbassadorNet.Tracking.Partner;

/// <summary>
/// The partner order stream: each message is applied like its HTTP request, in its own scope and
/// transaction, and answered with one result. Up to <see cref="MaxInFlight"/> messages are applied
/// at once; the next is read only when one of them has committed, so HTTP/2 flow control holds back
/// a client that sends faster than we commit. Messages about the same order are applied in the
/// order sent (a refund waits for its order), messages about different orders in any order.
/// </summary>
public sealed class OrderStreamService(OrderMessageHandler handler, ILogger<OrderStreamService> logger) : OrderStream.OrderStreamBase
{
    /// <summary>Messages of one stream applied at once: one stream keeps as many connections busy as eight HTTP clients would.</summary>
    public const int MaxInFlight = 8;

    public override async Task Post(IAsyncStreamReader<OrderStreamRequest> requestStream, IServerStreamWriter<OrderStreamResult> responseStream, ServerCallContext context)
    {
        var brand = context.GetHttpContext().RequestServices.GetRequiredService<BrandScope>().BrandId;
        var ct = context.CancellationToken;
        using var slots = new SemaphoreSlim(MaxInFlight);
        using var writing = new SemaphoreSlim(1);
        var pending = new List<Task>();
        var lastOfOrder = new Dictionary<string, Task>(StringComparer.Ordinal);
        try
        {
            while (await requestStream.MoveNext(ct))
            {
                await slots.WaitAsync(ct);
                var request = requestStream.Current;
                var orderId = OrderIdOf(request);
                var before = lastOfOrder.GetValueOrDefault(orderId) ?? Task.CompletedTask;
                var applying = ApplyAfterAsync(before, request, brand, responseStream, writing, slots, ct);
                lastOfOrder[orderId] = applying;
                pending.Add(applying);
                if (pending.Count > 4 * MaxInFlight)
                {
                    pending.RemoveAll(t => t.IsCompleted);
                    foreach (var done in lastOfOrder.Where(pair => pair.Value.IsCompleted).Select(pair => pair.Key).ToList())
                    {
                        lastOfOrder.Remove(done);
                    }
                }
            }
        }
        finally
        {
            // Whatever was read is applied and answered (or the client is gone) before the call ends.
            await Task.WhenAll(pending);
        }
    }

    private async Task ApplyAfterAsync(
        Task before, OrderStreamRequest request, Guid brand, IServerStreamWriter<OrderStreamResult> responses, SemaphoreSlim writing, SemaphoreSlim slots, CancellationToken ct)
    {
        try
        {
            await before;
            var result = await handler.ApplyAsync(request, brand, ct);
            await writing.WaitAsync(ct);
            try
            {
                await responses.WriteAsync(result, ct);
            }
            finally
            {
                writing.Release();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away: what committed stays committed; it sends unanswered messages again.
        }
        catch (Exception e) when (e is InvalidOperationException or IOException && ct.IsCancellationRequested)
        {
            logger.LogDebug(e, "Order stream closed while answering");
        }
        finally
        {
            slots.Release();
        }
    }

    private static string OrderIdOf(OrderStreamRequest request) => request.MessageCase switch
    {
        OrderStreamRequest.MessageOneofCase.Order => request.Order.OrderId,
        OrderStreamRequest.MessageOneofCase.Refund => request.Refund.OrderId,
        _ => "",
    };
}
