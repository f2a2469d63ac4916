namespace Webhooks.Tests;

/// <summary>
/// The key-encryption key (Webhooks:SecretsKey) is rotated as operations.md says: add the new key and
/// make it current, run the migration step (it re-encrypts the key ring), then remove the old key.
/// Secrets made before keep signing throughout.
/// </summary>
public sealed class SecretsKeyRotationTests(WebhooksService service) : IClassFixture<WebhooksService>
{
    [Fact]
    public async Task After_a_rotation_the_old_key_can_be_removed_and_earlier_secrets_still_sign()
    {
        var brand = Guid.CreateVersion7();
        var (_, secret) = await service.SubscribeAsync(brand, "rotated-kek");

        await service.StopAppAsync();
        service.SecretsKeys["test-2"] = WebhooksService.NewSecretsKey();
        service.CurrentSecretsKeyId = "test-2";
        await service.StartAppAsync();
        await service.RunDeploymentStepsAsync();
        var keyRing = await service.ColumnAsync("SELECT xml FROM data_protection_keys");

        await service.StopAppAsync();
        service.SecretsKeys.Remove("test-1");
        await service.StartAppAsync();
        await service.PublishAsync(Events.Approved(brand));
        var request = (await service.ReceivedAsync("rotated-kek", 1))[0];

        Assert.NotEmpty(keyRing);
        Assert.All(keyRing, xml => Assert.Contains("\"test-2\"", xml));
        Assert.All(keyRing, xml => Assert.DoesNotContain("\"test-1\"", xml));
        Assert.Null(await StandardWebhooksVerifier.VerifyAsync(secret, request.Headers, request.Body));
    }
}
