using System.Security.Cryptography;
using System.Text;

namespace AmbassadorNet.Gateway.Keys;

/// <summary>
/// <c>amb_live_</c> followed by 40 random base62 characters (about 238 bits). Stored as a plain
/// SHA-256, not a slow salted hash: with that much entropy nobody can guess a key from its hash, and
/// an unsalted hash can be looked up through a unique index in one step on every request, which a
/// per-key salt or a deliberately slow hash would prevent.
/// </summary>
public static class ApiKeyFormat
{
    public const string Prefix = "amb_live_";
    public const int SecretLength = 40;

    /// <summary>What a list shows of a key: the prefix and the first characters of the secret.</summary>
    public const int DisplayLength = 15;

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string Generate() => Prefix + new string(RandomNumberGenerator.GetItems<char>(Alphabet, SecretLength));

    public static bool IsWellFormed(string candidate) =>
        candidate.Length == Prefix.Length + SecretLength
        && candidate.StartsWith(Prefix, StringComparison.Ordinal)
        && candidate.AsSpan(Prefix.Length).ContainsAnyExcept(Alphabet) is false;

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string DisplayPrefix(string key) => key[..DisplayLength];
}
