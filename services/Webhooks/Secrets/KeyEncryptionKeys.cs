using System.Security.Cryptography;
using System.Text;

namespace AmbassadorNet.Webhooks.Secrets;

/// <summary>
/// AES-256-GCM under the configured key-encryption keys. A sealed value names the key that sealed it,
/// and that name is authenticated too (associated data), so a value cannot be passed off as sealed
/// by another key.
/// </summary>
public sealed class KeyEncryptionKeys(IOptions<SecretsKeyOptions> options)
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public string CurrentId => options.Value.CurrentId;

    public byte[] Seal(byte[] plaintext)
    {
        var sealedValue = new byte[NonceBytes + plaintext.Length + TagBytes];
        var nonce = sealedValue.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(KeyOf(CurrentId), TagBytes);
        aes.Encrypt(nonce, plaintext, sealedValue.AsSpan(NonceBytes, plaintext.Length), sealedValue.AsSpan(NonceBytes + plaintext.Length), Encoding.UTF8.GetBytes(CurrentId));
        return sealedValue;
    }

    public byte[] Open(string keyId, byte[] sealedValue)
    {
        if (sealedValue.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("The sealed key-ring entry is truncated.");
        }

        var plaintext = new byte[sealedValue.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(KeyOf(keyId), TagBytes);
        aes.Decrypt(sealedValue.AsSpan(0, NonceBytes), sealedValue.AsSpan(NonceBytes, plaintext.Length), sealedValue.AsSpan(NonceBytes + plaintext.Length), plaintext, Encoding.UTF8.GetBytes(keyId));
        return plaintext;
    }

    private byte[] KeyOf(string keyId) =>
        options.Value.Keys.TryGetValue(keyId, out var key) && SecretsKeyOptions.Decode(key) is { } bytes
            ? bytes
            : throw new CryptographicException($"The key-ring entry was sealed with key-encryption key '{keyId}', which Webhooks:SecretsKey:Keys does not list.");
}
