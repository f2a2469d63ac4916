using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace AmbassadorNet.Webhooks.Secrets;

/// <summary>
/// Signing secrets as the database keeps them: "dp:" + Data Protection's payload. The prefix is not
/// base64, so code of the previous version, which read the column as a readable secret, fails on it
/// rather than signing with the wrong key (its delivery's lease then brings it back to this code).
/// </summary>
public sealed class SigningSecretProtector(IDataProtectionProvider provider)
{
    public const string Prefix = "dp:";

    private readonly IDataProtector _protector = provider.CreateProtector("AmbassadorNet.Webhooks.SigningSecret");

    public string Protect(string secret) => Prefix + _protector.Protect(secret);

    public string Unprotect(string stored) => IsProtected(stored)
        ? _protector.Unprotect(stored[Prefix.Length..])
        : throw new CryptographicException("A signing secret is stored readable; run the migration (--migrate-only), which encrypts it.");

    public static bool IsProtected(string? stored) => stored?.StartsWith(Prefix, StringComparison.Ordinal) == true;
}
