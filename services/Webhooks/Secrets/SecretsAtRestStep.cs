using AmbassadorNet.ServiceDefaults.Deployment;
using AmbassadorNet.ServiceDefaults.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace AmbassadorNet.Webhooks.Secrets;

/// <summary>
/// Part of <c>--migrate-only</c>, after the scripts: (1) every key-ring entry is sealed again under the
/// current key-encryption key, so after a rotation the old key can be removed; (2) the key ring gets
/// its first key here, once, rather than by replicas racing at their first request; (3) secrets the
/// previous version stored readable are encrypted, so an upgrade loses no subscription.
/// </summary>
public sealed class SecretsAtRestStep(
    KeyRingRepository keyRing, KeyEncryptionKeys keys, SigningSecretProtector protector, IOptions<DatabaseOptions> database,
    ILogger<SecretsAtRestStep> logger) : IDeploymentStep
{
    public string Name => "webhook secrets at rest";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await ResealKeyRingAsync(cancellationToken);
        protector.Protect("creates the first key when the ring is empty");
        await EncryptReadableSecretsAsync(cancellationToken);
    }

    private async Task ResealKeyRingAsync(CancellationToken cancellationToken)
    {
        foreach (var (id, xml) in keyRing.ReadAll())
        {
            var stale = xml.Descendants(KeyRingEncryptor.SealedKey).Where(e => (string?)e.Attribute("keyId") != keys.CurrentId).ToList();
            foreach (var sealedKey in stale)
            {
                sealedKey.ReplaceWith(KeyRingEncryptor.Seal(keys, KeyRingDecryptor.Open(keys, sealedKey)));
            }

            if (stale.Count > 0)
            {
                await keyRing.ReplaceAsync(id, xml, cancellationToken);
                logger.LogInformation("Key-ring entry {Id} sealed again under key-encryption key {KeyId}", id, keys.CurrentId);
            }
        }
    }

    private async Task EncryptReadableSecretsAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var readable = new List<(Guid Id, string Secret, string? Previous)>();
        await using (var select = new NpgsqlCommand(
            $"SELECT id, secret, previous_secret FROM webhook_subscriptions WHERE secret NOT LIKE '{SigningSecretProtector.Prefix}%' OR previous_secret NOT LIKE '{SigningSecretProtector.Prefix}%'",
            connection))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                readable.Add((reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
            }
        }

        foreach (var (id, secret, previous) in readable)
        {
            // Compared with what was read, so a rotation committed meanwhile is not overwritten.
            await using var update = new NpgsqlCommand("""
                UPDATE webhook_subscriptions SET secret = $2, previous_secret = $3
                WHERE id = $1 AND secret = $4 AND previous_secret IS NOT DISTINCT FROM $5
                """, connection);
            update.Parameters.Add(new NpgsqlParameter { Value = id });
            update.Parameters.Add(Text(ProtectIfReadable(secret)));
            update.Parameters.Add(Text(previous is null ? null : ProtectIfReadable(previous)));
            update.Parameters.Add(Text(secret));
            update.Parameters.Add(Text(previous));
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        if (readable.Count > 0)
        {
            logger.LogInformation("Encrypted the readable signing secrets of {Count} webhook subscriptions", readable.Count);
        }
    }

    private string ProtectIfReadable(string stored) => SigningSecretProtector.IsProtected(stored) ? stored : protector.Protect(stored);

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };
}
