using System.Text.Json;
using AmbassadorNet.Webhooks.Domain;

namespace Webhooks.Tests;

public sealed class SignatureTests(WebhooksService service) : IClassFixture<WebhooksService>
{
    [Fact]
    public async Task The_standardwebhooks_package_accepts_our_signature_and_rejects_a_tampered_body_and_a_stale_timestamp()
    {
        var brand = Guid.CreateVersion7();
        var (_, secret) = await service.SubscribeAsync(brand, "signed");
        await service.PublishAsync(Events.Approved(brand));

        var request = (await service.ReceivedAsync("signed", 1))[0];
        var stale = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds();
        var staleHeaders = new Dictionary<string, string>(request.Headers)
        {
            ["webhook-timestamp"] = stale.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["webhook-signature"] = WebhookSigner.Sign(request.WebhookId, stale, request.Body, [secret]), // correctly signed, only old
        };

        Assert.Null(await StandardWebhooksVerifier.VerifyAsync(secret, request.Headers, request.Body));
        Assert.Equal("No matching signature found", await StandardWebhooksVerifier.VerifyAsync(secret, request.Headers, request.Body.Replace("Ada Creator", "Eve Creator")));
        Assert.Equal("Message timestamp too old", await StandardWebhooksVerifier.VerifyAsync(secret, staleHeaders, request.Body));
        Assert.Equal("No matching signature found", await StandardWebhooksVerifier.VerifyAsync(WebhookSecret.New(), request.Headers, request.Body));
    }

    [Fact]
    public async Task The_body_carries_type_timestamp_and_the_event_as_data()
    {
        var brand = Guid.CreateVersion7();
        await service.SubscribeAsync(brand, "shape");
        var approved = Events.Approved(brand);
        var messageId = await service.PublishAsync(approved);

        var request = (await service.ReceivedAsync("shape", 1))[0];
        var body = JsonDocument.Parse(request.Body).RootElement;

        Assert.Equal("creator.approved", body.GetProperty("type").GetString());
        Assert.Equal(approved.OccurredAt, body.GetProperty("timestamp").GetDateTimeOffset());
        Assert.Equal(approved.CreatorId, body.GetProperty("data").GetProperty("creatorId").GetGuid());
        Assert.Equal("approved", body.GetProperty("data").GetProperty("creator").GetProperty("status").GetString());
        Assert.Equal($"msg_{messageId:N}", request.WebhookId);
        Assert.StartsWith("application/json", request.Headers["content-type"]);
        Assert.InRange(request.Timestamp, DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }
}
