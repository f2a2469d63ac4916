using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.Security;

namespace Webhooks.Tests;

/// <summary>
/// Signing secrets are kept encrypted (Data Protection, its key ring encrypted under a key that is
/// not in the database) and shown once: neither a copy of the database nor a replayed request
/// yields one.
/// </summary>
public sealed class SecretsAtRestTests(WebhooksService service) : IClassFixture<WebhooksService>
{
    [Fact]
    public async Task The_database_holds_neither_the_secret_nor_a_readable_key_to_it_and_deliveries_still_verify()
    {
        var brand = Guid.CreateVersion7();
        var (subscription, secret) = await service.SubscribeAsync(brand, "at-rest");
        await service.PublishAsync(Events.Approved(brand));
        var request = (await service.ReceivedAsync("at-rest", 1))[0];

        var stored = await service.ScalarAsync<string>("SELECT secret FROM webhook_subscriptions WHERE id = $1", subscription);

        Assert.NotNull(stored);
        Assert.DoesNotContain(secret[WebhookSecretPrefix.Length..], stored);
        var keyRing = await service.ColumnAsync("SELECT xml FROM data_protection_keys");
        Assert.NotEmpty(keyRing);
        Assert.All(keyRing, xml => Assert.DoesNotContain("masterKey", xml)); // Data Protection's unencrypted form of a key
        Assert.Null(await StandardWebhooksVerifier.VerifyAsync(secret, request.Headers, request.Body));
    }

    [Fact]
    public async Task A_replayed_create_or_rotation_says_the_secret_was_shown_once_instead_of_showing_it()
    {
        var brand = Guid.CreateVersion7();
        var create = new { url = service.Receiver.UrlFor("replayed-create"), description = "replay" };
        var (createKey, rotateKey) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());

        var first = await SendWithKeyAsync(HttpMethod.Post, "/api/webhooks", brand, createKey, create);
        var replay = await SendWithKeyAsync(HttpMethod.Post, "/api/webhooks", brand, createKey, create); // another caller of the brand, same key
        var id = first.Body.GetProperty("id").GetGuid();
        var rotated = await SendWithKeyAsync(HttpMethod.Post, $"/api/webhooks/{id}/rotate-secret", brand, rotateKey, null);
        var rotateReplay = await SendWithKeyAsync(HttpMethod.Post, $"/api/webhooks/{id}/rotate-secret", brand, rotateKey, null);
        var secrets = new[] { first.Body.GetProperty("secret").GetString() ?? "", rotated.Body.GetProperty("secret").GetString() ?? "" };
        var stored = await service.ColumnAsync("SELECT response_body FROM idempotency_keys WHERE brand_id = $1", brand);

        Assert.Equal(HttpStatusCode.Created, first.Response.StatusCode);
        Assert.All(secrets, s => Assert.StartsWith(WebhookSecretPrefix, s));
        foreach (var (response, body) in new[] { replay, rotateReplay })
        {
            Assert.True(response.Headers.Contains("Idempotent-Replayed"));
            Assert.Equal(id, body.GetProperty("id").GetGuid());
            Assert.Equal(JsonValueKind.Null, body.GetProperty("secret").ValueKind);
            Assert.Contains("shown once", body.TryGetProperty("secretNotice", out var notice) ? notice.GetString() : "(no secretNotice)");
        }

        Assert.Equal(HttpStatusCode.Created, replay.Response.StatusCode);
        Assert.Equal(2, stored.Count);
        Assert.All(stored, body => Assert.All(secrets, s => Assert.DoesNotContain(s[WebhookSecretPrefix.Length..], body)));
    }

    [Fact]
    public async Task Plaintext_secrets_of_the_previous_version_are_encrypted_by_the_migration_step_and_keep_signing()
    {
        var brand = Guid.CreateVersion7();
        var (subscription, _) = await service.SubscribeAsync(brand, "upgraded");
        var (current, previous) = (NewSecret(), NewSecret());
        // As the previous version stored them: readable, a rotation still overlapping.
        await service.ExecuteAsync(
            "UPDATE webhook_subscriptions SET secret = $2, previous_secret = $3, previous_secret_expires_at = now() + interval '1 hour' WHERE id = $1",
            subscription, current, previous);

        await service.RunDeploymentStepsAsync();
        var stored = await service.ColumnAsync("SELECT secret || ' ' || previous_secret FROM webhook_subscriptions WHERE id = $1", subscription);
        await service.PublishAsync(Events.Approved(brand));
        var request = (await service.ReceivedAsync("upgraded", 1))[0];

        Assert.DoesNotContain(current[WebhookSecretPrefix.Length..], stored.Single());
        Assert.DoesNotContain(previous[WebhookSecretPrefix.Length..], stored.Single());
        Assert.Null(await StandardWebhooksVerifier.VerifyAsync(current, request.Headers, request.Body));
        Assert.Null(await StandardWebhooksVerifier.VerifyAsync(previous, request.Headers, request.Body));
    }

    private const string WebhookSecretPrefix = "whsec_";

    private static string NewSecret() => WebhookSecretPrefix + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>A request with its own token each time, as two API keys of one brand would send it through the gateway.</summary>
    private async Task<(HttpResponseMessage Response, JsonElement Body)> SendWithKeyAsync(HttpMethod method, string path, Guid brand, string idempotencyKey, object? body)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", service.Tokens.Mint(WebhooksService.Audience, brand, [Roles.Admin]));
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        var response = await service.Http.SendAsync(request);
        return (response, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
