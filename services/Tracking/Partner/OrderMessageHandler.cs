using AmbassadorNet.PartnerApi;
using AmbassadorNet.Partner.V1;
using AmbassadorNet.Tracking.Api;
using AmbassadorNet.Tracking.Conversions;

namespace AmbassadorNet.Tracking.Partner;

/// <summary>
/// One message of the order stream, applied as its HTTP request would be: read by the same code
/// (<see cref="ConversionRequests"/>), recorded by the same recorders in a scope of its own for the
/// caller's brand, refused with the same problems. Every refusal is a result, never the end of the
/// stream; a database that cannot be reached is UNAVAILABLE for that message, any other failure
/// INTERNAL for that message, both to be sent again.
/// </summary>
public sealed class OrderMessageHandler(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OrderMessageHandler> logger)
{
    public async Task<OrderStreamResult> ApplyAsync(OrderStreamRequest request, Guid brand, CancellationToken ct)
    {
        var result = new OrderStreamResult
        {
            OrderId = request.Order?.OrderId ?? request.Refund?.OrderId ?? "",
            RefundId = request.Refund?.RefundId ?? "",
        };
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BrandScope>().Set(brand);
        try
        {
            switch (request.MessageCase)
            {
                case OrderStreamRequest.MessageOneofCase.Order:
                    await RecordOrderAsync(request.Order!, scope.ServiceProvider, result, ct);
                    break;
                case OrderStreamRequest.MessageOneofCase.Refund:
                    await RecordRefundAsync(request.Refund!, scope.ServiceProvider, result, ct);
                    break;
                default:
                    throw new RequestValidationException("message", "Send an order or a refund.");
            }
        }
        catch (RequestValidationException invalid)
        {
            result.Error = PartnerErrors.ToStatus(400, invalid.Title, invalid.Message,
                fieldErrors: invalid.Errors.ToDictionary(e => OrderMessages.FieldOf(e.Key), e => e.Value));
        }
        catch (ProblemException problem)
        {
            result.Error = PartnerErrors.ToStatus(problem.Status, problem.Title, problem.Message);
        }
        catch (Exception e) when (TransientFailures.IsTransient(e) && !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Order stream message for order {OrderId} failed on a transient database error", result.OrderId);
            result.Error = PartnerErrors.ToStatus(503, "Service unavailable", "The database could not be reached; nothing was stored. Send this message again.");
        }
        catch (Exception e) when (e is not OperationCanceledException && !ct.IsCancellationRequested)
        {
            // One message's failure is its own result: the stream and the other messages go on.
            logger.LogError(e, "Order stream message for order {OrderId} failed", result.OrderId);
            result.Error = PartnerErrors.ToStatus(500, "Internal error",
                "This message failed on our side. Send it again: the same order or refund is never stored twice.");
        }

        return result;
    }

    private async Task RecordOrderAsync(Order order, IServiceProvider services, OrderStreamResult result, CancellationToken ct)
    {
        var post = ConversionRequests.ReadOrder(OrderMessages.BodyOf(order), clock.GetUtcNow());
        var outcome = await services.GetRequiredService<ConversionRecorder>().RecordAsync(post, ct);
        if (OrderProblem.Of(outcome, post) is { } problem)
        {
            result.Error = ToStatus(problem);
            return;
        }

        var recorded = (PostOutcome.Recorded)outcome;
        result.Conversion = OrderMessages.ToMessage(ConversionView.From(recorded.Conversion));
        result.Replayed = recorded.Replayed;
    }

    private async Task RecordRefundAsync(Refund refund, IServiceProvider services, OrderStreamResult result, CancellationToken ct)
    {
        var post = ConversionRequests.ReadRefund(refund.OrderId, OrderMessages.BodyOf(refund), clock.GetUtcNow());
        var outcome = await services.GetRequiredService<RefundRecorder>().RecordAsync(post, ct);
        if (OrderProblem.Of(outcome, post) is { } problem)
        {
            result.Error = ToStatus(problem);
            return;
        }

        var recorded = (RefundOutcome.Recorded)outcome;
        result.Refund = OrderMessages.ToMessage(RefundView.From(recorded.Refund, recorded.Conversion));
        result.Replayed = recorded.Replayed;
    }

    private static Google.Rpc.Status ToStatus(OrderProblem problem) => PartnerErrors.ToStatus(problem.Status, problem.Title, problem.Detail, problem.TypeUri);
}
