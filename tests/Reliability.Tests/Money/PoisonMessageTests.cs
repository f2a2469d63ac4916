using System.Text;
using System.Text.Json;
using AmbassadorNet.TestKit.Waiting;
using RabbitMQ.Client;

namespace Reliability.Tests.Money;

/// <summary>
/// Scenario 6 of docs/reliability.md: a malformed ConversionAttributed delivered to payouts' queue ends in its
/// error queue, and the queue keeps flowing: an order posted after it accrues, the
/// error queue holds exactly that one message, and the operator's endpoint shows it.
/// </summary>
[Collection(LedgerSystemCollection.Name)]
public sealed class PoisonMessageTests(LedgerSystemFixture fixture)
{
    private const string Endpoint = "payouts-conversion-attributed";

    [Fact]
    public async Task A_malformed_conversion_goes_to_the_error_queue_and_the_next_one_is_applied()
    {
        var shop = await Shop.OpenAsync(await fixture.NewBrandAsync("Poison"), "poison", creators: 1,
            [new CampaignSpec("Poison percent", new Plan("percent", Percent: 10m), HoldingPeriodDays: 30)], partnerKeys: 1);
        var enrollment = shop.Enrollments[0];
        var model = new ReferenceModel();
        await Orders.PostAsync(shop.Partners[0], model, "before-poison", enrollment, 80m, DateTimeOffset.UtcNow.AddDays(-2), enrollment.PromoCode);
        await fixture.AtRestAsync(_ => Task.FromResult(0), "the first order applied");
        var errorsBefore = (await Invariants.ErrorQueuesAsync(fixture.Operator, "payouts"))[Endpoint];

        var poisonId = Guid.NewGuid();
        fixture.ExpectInErrorQueue("payouts", Endpoint); // the collection's other tests must not count it against themselves
        await PublishToEndpointAsync(poisonId, Malformed(enrollment));
        await Orders.PostAsync(shop.Partners[0], model, "after-poison", enrollment, 120m, DateTimeOffset.UtcNow.AddDays(-1), enrollment.PromoCode);

        var books = await fixture.AtRestAsync(_ => Books.ReadAsync(shop.Admin, shop.CreatorIds, shop.CampaignIds), "the order after the poison applied");
        Invariants.Hold(books);
        Invariants.MatchModel(shop, model, DateTimeOffset.UtcNow, books);
        Assert.Equal(20m, books.Creator(enrollment.CreatorId).Pending); // 10 % of 80 + 120

        // The order after it can be done while the poison is still being retried (unacknowledged, so
        // no queue counts it): it reaches the error queue after its last retry.
        await Eventually.UntilAsync(
            async _ => (await Invariants.ErrorQueuesAsync(fixture.Operator, "payouts"))[Endpoint] == errorsBefore + 1, "the poison in the error queue");
        await fixture.AssertErrorQueuesAsExpectedAsync(["payouts"]);
        var peeked = await fixture.Operator.SendAsync(HttpMethod.Get, $"/ops/payouts/messaging/error-queues/{Endpoint}/messages?limit=1000");
        var poison = Assert.Single(peeked.EnumerateArray(), m => m.GetProperty("messageId").GetString() == poisonId.ToString());
        Assert.Contains("a great deal", poison.GetProperty("body").GetString(), StringComparison.Ordinal);

        // A body that cannot be read fails in MassTransit's deserializer, before any consumer: it is
        // moved to the error queue by MassTransit, with the deserializer's message as the reason the
        // operator sees. (Until the error queues of quorum queues were declared plain, that move
        // failed and the broker dead-lettered the message at its delivery limit instead.)
        var headers = await HeadersInErrorQueueAsync(poisonId);
        Assert.Equal("fault", headers["MT-Reason"]);
        Assert.Equal(headers["MT-Fault-Message"], poison.GetProperty("reason").GetString());
        Assert.DoesNotContain("x-first-death-reason", headers.Keys);
    }

    /// <summary>The AMQP headers of a message in the error queue, read without taking it (unacknowledged, returned when the channel closes).</summary>
    private async Task<Dictionary<string, string>> HeadersInErrorQueueAsync(Guid messageId)
    {
        var factory = new ConnectionFactory { Uri = fixture.System.Settings.Vhost.AmqpUri() };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        while (await channel.BasicGetAsync(Endpoint + "_error", autoAck: false) is { } result)
        {
            if (result.BasicProperties.MessageId == messageId.ToString())
            {
                return (result.BasicProperties.Headers ?? new Dictionary<string, object?>()).ToDictionary(
                    h => h.Key, h => h.Value switch
                    {
                        byte[] bytes => Encoding.UTF8.GetString(bytes),
                        System.Collections.IEnumerable list and not string => string.Join(", ", list.Cast<object>().Select(Describe)),
                        _ => h.Value?.ToString() ?? "",
                    });
            }
        }

        throw new InvalidOperationException($"{messageId} is not in {Endpoint}_error.");
    }

    private static string Describe(object item) => item switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        IDictionary<string, object?> table => "{" + string.Join(", ", table.Select(t => $"{t.Key}: {(t.Value is byte[] b ? Encoding.UTF8.GetString(b) : t.Value)}")) + "}",
        _ => item.ToString() ?? "",
    };

    /// <summary>A ConversionAttributed of the brand's enrollment whose amount is not a number.</summary>
    private static object Malformed(Enrollment enrollment) => new
    {
        brandId = Guid.Empty, occurredAt = DateTimeOffset.UtcNow, conversionId = Guid.NewGuid(), orderId = "poison",
        enrollmentId = enrollment.Id, campaignId = enrollment.CampaignId, creatorId = enrollment.CreatorId,
        amount = new { amount = "a great deal", currency = "USD" }, method = "promo_code", promoCode = enrollment.PromoCode,
        orderedAt = DateTimeOffset.UtcNow, rankInMonth = 1, flags = Array.Empty<string>(),
    };

    /// <summary>Publishes a MassTransit envelope to payouts' endpoint exchange only, as a faulty publisher on the system's vhost would.</summary>
    private async Task PublishToEndpointAsync(Guid messageId, object message)
    {
        var envelope = new
        {
            messageId, messageType = new[] { "urn:message:AmbassadorNet.Contracts.Tracking:ConversionAttributed" },
            message, sentTime = DateTimeOffset.UtcNow, headers = new { },
        };
        var factory = new ConnectionFactory { Uri = fixture.System.Settings.Vhost.AmqpUri() };
        await using var connection = await factory.CreateConnectionAsync();
        var confirmed = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
        await using var channel = await connection.CreateChannelAsync(confirmed);
        var properties = new BasicProperties
        {
            MessageId = messageId.ToString(), ContentType = "application/vnd.masstransit+json", DeliveryMode = DeliveryModes.Persistent,
        };
        await channel.BasicPublishAsync(Endpoint, "", mandatory: true, properties, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(envelope, JsonSerializerOptions.Web)));
    }
}
