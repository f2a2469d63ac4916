using Microsoft.Extensions.Options;

namespace AmbassadorNet.Security;

/// <summary>
/// Fails the start (and a reload) on a key that would refuse every token at run time: a bad PEM, a
/// private key, another curve. Data annotations cover the missing values.
/// </summary>
internal sealed class InternalAuthOptionsValidator : IValidateOptions<InternalAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, InternalAuthOptions options)
    {
        var failures = new List<string>();
        foreach (var (kid, pem) in options.PublicKeys)
        {
            if (string.IsNullOrWhiteSpace(kid))
            {
                failures.Add($"{InternalAuthOptions.SectionName}:PublicKeys has an empty kid.");
                continue;
            }

            try
            {
                InternalKeys.ImportPublicKeyPem(pem).Dispose();
            }
            catch (Exception e) when (e is FormatException or ArgumentException or System.Security.Cryptography.CryptographicException)
            {
                failures.Add($"{InternalAuthOptions.SectionName}:PublicKeys:{kid} is not a P-256 public key PEM ({e.Message})");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
