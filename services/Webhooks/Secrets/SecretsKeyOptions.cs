using System.ComponentModel.DataAnnotations;
using AmbassadorNet.ServiceDefaults.Configuration;

namespace AmbassadorNet.Webhooks.Secrets;

/// <summary>
/// The key-encryption keys that protect the Data Protection key ring in the database: a mounted
/// secret or environment variables, never the database itself. New key-ring entries are encrypted
/// with <see cref="CurrentId"/>; any listed key decrypts, which is what lets a rotation overlap.
/// </summary>
[ConfigurationSection("Webhooks:SecretsKey")]
public sealed class SecretsKeyOptions : IValidatableObject
{
    public const int KeyBytes = 32;

    /// <summary>The id of the key that encrypts new key-ring entries; must be one of <see cref="Keys"/>.</summary>
    [Required]
    public string CurrentId { get; set; } = "";

    /// <summary>
    /// Key id (letters, digits, '-') to base64 of 32 random bytes (<c>openssl rand -base64 32</c>). An
    /// empty value is an unused slot (compose keeps one for the previous key of a rotation).
    /// </summary>
    [Required]
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Keys.TryGetValue(CurrentId, out var current) || string.IsNullOrWhiteSpace(current))
        {
            yield return new ValidationResult($"Webhooks:SecretsKey:CurrentId '{CurrentId}' is not one of Webhooks:SecretsKey:Keys.", [nameof(CurrentId)]);
        }

        foreach (var (id, key) in Keys.Where(k => !string.IsNullOrWhiteSpace(k.Value)))
        {
            if (id.Length == 0 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                yield return new ValidationResult($"Webhooks:SecretsKey:Keys: the id '{id}' may hold letters, digits and '-' only.", [nameof(Keys)]);
            }

            if (Decode(key) is null)
            {
                yield return new ValidationResult($"Webhooks:SecretsKey:Keys:{id} must be base64 of {KeyBytes} bytes.", [nameof(Keys)]);
            }
        }
    }

    public static byte[]? Decode(string? key)
    {
        var bytes = new byte[KeyBytes + 1];
        return Convert.TryFromBase64String(key?.Trim() ?? "", bytes, out var written) && written == KeyBytes ? bytes[..KeyBytes] : null;
    }
}
