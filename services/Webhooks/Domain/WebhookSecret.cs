using System.Security.Cryptography;

namespace AmbassadorNet.Webhooks.Domain;

/// <summary>Secrets as Standard Webhooks writes them: "whsec_" + base64 of 32 random bytes; the HMAC key is the decoded bytes.</summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static byte[] KeyOf(string secret) =>
        Convert.FromBase64String(secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret);
}
