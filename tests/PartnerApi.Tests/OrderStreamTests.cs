using AmbassadorNet.PartnerApi;
using AmbassadorNet.Partner.V1;
using AmbassadorNet.SystemTestKit;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using static PartnerApi.Tests.StreamReading;

namespace PartnerApi.Tests;

/// <summary>The order stream through the gateway's gRPC port: the rules of POST /api/conversions and its refunds, message by message.</summary>
[Collection(PartnerSystemCollection.Name)]
public sealed class OrderStreamTests(PartnerSystemFixture fixture)
{
    [Fact]
    public async Task Orders_duplicates_bad_orders_and_refunds_on_one_stream_are_each_answered_as_the_http_api_answers_them()
    {
        var id = NewHandle("o");
        var promo = fixture.BrandAEnrollment.PromoCode;
        var order = Order(id + "-1", "100.00", "USD", promo);
        OrderStreamRequest[] messages =
        [
            order,
            order,                                              // the same order again: replayed
            Order(id + "-1", "120.00", "USD", promo),          // the same id with other details: refused
            Order(id + "-bad", "-5", "", promo),                // two invalid fields
            Order(id + "-eur", "50.00", "EUR", promo),          // the campaign pays in USD
            Refund(id + "-1", "r1", "20.00", "USD"),
            Refund(id + "-1", "r1", "20.00", "USD"),            // the same refund again: replayed
            Refund(id + "-1", "r2", "90.00", "USD"),            // more than is left
            Refund(id + "-none", "r1", "1.00", "USD"),          // an order never posted
        ];

        var results = await PostAllAsync(fixture.BrandAPartner, messages);

        Assert.Equal(messages.Length, results.Count);
        var first = results.Where(r => r.OrderId == id + "-1" && r.RefundId == "").ToList();
        Assert.Equal(3, first.Count);
        Assert.Equal("attributed", first[0].Conversion.Status);
        Assert.Equal("promo_code", first[0].Conversion.Method);
        Assert.Equal(new Money { Amount = "100.00", Currency = "USD" }, first[0].Conversion.Amount);
        Assert.False(first[0].Replayed);
        Assert.True(first[1].Replayed);
        Assert.Equal(first[0].Conversion.Id, first[1].Conversion.Id);
        AssertRefused(first[2], Code.AlreadyExists, "https://tools.ietf.org/html/rfc9110#section-15.5.10");

        var bad = results.Single(r => r.OrderId == id + "-bad");
        AssertRefused(bad, Code.InvalidArgument, "https://tools.ietf.org/html/rfc9110#section-15.5.1");
        var violations = bad.Error.Details.Select(d => d.TryUnpack<BadRequest>(out var b) ? b : null).OfType<BadRequest>().Single().FieldViolations;
        Assert.Contains(violations, v => v.Field == "amount");
        Assert.Contains(violations, v => v.Field == "currency");
        AssertRefused(results.Single(r => r.OrderId == id + "-eur"), Code.FailedPrecondition, "urn:ambassadornet:problem:currency-mismatch");

        var refunds = results.Where(r => r.OrderId == id + "-1" && r.RefundId != "").ToList();
        Assert.Equal(["r1", "r1", "r2"], refunds.Select(r => r.RefundId));
        Assert.Equal(new Money { Amount = "20.00", Currency = "USD" }, refunds[0].Refund.CumulativeRefunded);
        Assert.True(refunds[1].Replayed);
        AssertRefused(refunds[2], Code.FailedPrecondition, "urn:ambassadornet:problem:refund-exceeds-order");
        AssertRefused(results.Single(r => r.OrderId == id + "-none"), Code.NotFound, "urn:ambassadornet:problem:order-not-found");

        // The HTTP API sees the same one conversion, with the one refund.
        var listed = await fixture.BrandA.SendAsync(HttpMethod.Get, $"/api/conversions?orderId={id}-1");
        var item = Assert.Single(listed.GetProperty("items").EnumerateArray());
        Assert.Equal(first[0].Conversion.Id, item.GetProperty("id").GetString());
        Assert.Equal(20m, item.GetProperty("refundedAmount").GetDecimal());
        Assert.Empty((await fixture.BrandA.SendAsync(HttpMethod.Get, $"/api/conversions?orderId={id}-eur")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Cancelling_mid_stream_loses_nothing_acknowledged_and_sending_everything_again_stores_each_order_once()
    {
        var prefix = NewHandle("c");
        var messages = Enumerable.Range(0, 60).Select(i => Order($"{prefix}-{i}", "10.00", "USD", fixture.BrandAEnrollment.PromoCode)).ToList();
        var acknowledged = new List<OrderStreamResult>();
        using (var cancel = new CancellationTokenSource())
        using (var call = new OrderStream.OrderStreamClient(fixture.Channel).Post(Bearer(fixture.BrandAPartner.ApiKey), cancellationToken: cancel.Token))
        {
            var sending = Task.Run(async () =>
            {
                foreach (var message in messages)
                {
                    await call.RequestStream.WriteAsync(message, cancel.Token);
                }
            });
            while (acknowledged.Count < 20 && await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                acknowledged.Add(call.ResponseStream.Current);
            }

            await cancel.CancelAsync();
            try
            {
                await sending.WaitAsync(TimeSpan.FromSeconds(30)); // it may have sent everything already
            }
            catch (Exception e) when (e is RpcException or OperationCanceledException)
            {
                // cancelled mid-send
            }
        }

        foreach (var result in acknowledged)
        {
            Assert.NotNull(result.Conversion);
            var read = await fixture.BrandA.SendAsync(HttpMethod.Get, $"/api/conversions?orderId={result.OrderId}");
            Assert.Equal(result.Conversion.Id, Assert.Single(read.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        }

        var again = await PostAllAsync(fixture.BrandAPartner, messages);

        Assert.All(again, r => Assert.NotNull(r.Conversion));
        Assert.All(acknowledged, a => Assert.True(again.Single(r => r.OrderId == a.OrderId).Replayed));
        Assert.Equal(60, again.Select(r => r.Conversion.Id).Distinct().Count());
        Assert.Equal(
            acknowledged.ToDictionary(a => a.OrderId, a => a.Conversion.Id),
            again.Where(r => acknowledged.Any(a => a.OrderId == r.OrderId)).ToDictionary(r => r.OrderId, r => r.Conversion.Id));
    }

    [Fact]
    public async Task A_key_without_the_partner_role_cannot_post_orders()
    {
        using var call = new OrderStream.OrderStreamClient(fixture.Channel).Post(Bearer(fixture.BrandAEvents.ApiKey));

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            try
            {
                await call.RequestStream.WriteAsync(Order(NewHandle("x"), "1.00", "USD", null));
                await call.RequestStream.CompleteAsync();
            }
            catch (RpcException)
            {
                // The gateway may refuse the call while the message is still being written: the write
                // then fails as Cancelled (seen in a clean-clone CI run), and the call's own status is
                // what the response stream reports.
            }

            await call.ResponseStream.MoveNext();
        });

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("forbidden", PartnerErrors.InfoOf(error)!.Reason);
    }

    /// <summary>Sends every message, then reads every result, on one stream.</summary>
    private async Task<List<OrderStreamResult>> PostAllAsync(GatewayClient key, IReadOnlyList<OrderStreamRequest> messages)
    {
        using var call = new OrderStream.OrderStreamClient(fixture.Channel).Post(Bearer(key.ApiKey));
        var reading = Task.Run(async () =>
        {
            var results = new List<OrderStreamResult>();
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                results.Add(call.ResponseStream.Current);
            }

            return results;
        });
        foreach (var message in messages)
        {
            await call.RequestStream.WriteAsync(message);
        }

        await call.RequestStream.CompleteAsync();
        return await reading.WaitAsync(TimeSpan.FromMinutes(2));
    }

    private static void AssertRefused(OrderStreamResult result, Code code, string type)
    {
        Assert.Equal(OrderStreamResult.OutcomeOneofCase.Error, result.OutcomeCase);
        Assert.Equal((int)code, result.Error.Code);
        var info = result.Error.Details.Select(d => d.TryUnpack<ErrorInfo>(out var i) ? i : null).OfType<ErrorInfo>().Single();
        Assert.Equal(type, info.Metadata["type"]);
    }

    private static OrderStreamRequest Order(string orderId, string amount, string currency, string? promoCode) => new()
    {
        Order = new Order
        {
            OrderId = orderId, Amount = new Money { Amount = amount, Currency = currency },
            OrderedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1)), PromoCode = promoCode ?? "",
        },
    };

    private static OrderStreamRequest Refund(string orderId, string refundId, string amount, string currency) => new()
    {
        Refund = new Refund { OrderId = orderId, RefundId = refundId, Amount = new Money { Amount = amount, Currency = currency } },
    };
}
