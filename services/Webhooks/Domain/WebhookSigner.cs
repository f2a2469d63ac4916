using System.Security.Cryptography;
using System.Text;

namespace AmbassadorNet.Webhooks.Domain;

/// <summary>The Standard Webhooks signature: v1,base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")), one per secret, space-separated.</summary>
public static class WebhookSigner
{
    public static string Sign(string webhookId, long unixTimestamp, string body, IEnumerable<string> secrets)
    {
        var content = Encoding.UTF8.GetBytes($"{webhookId}.{unixTimestamp}.{body}");
        return string.Join(' ', secrets.Select(secret => "v1," + Convert.ToBase64String(HMACSHA256.HashData(WebhookSecret.KeyOf(secret), content))));
    }
}
