using System.ComponentModel.DataAnnotations;

namespace AmbassadorNet.Gateway.Configuration;

/// <summary>The gateway's ES256 signing key: only the gateway holds it; services hold its public half under <c>InternalAuth:PublicKeys:{KeyId}</c>.</summary>
public sealed class SigningKeyOptions
{
    /// <summary>The kid written in every token; rotate by adding a new kid's public key everywhere first.</summary>
    [Required]
    public string KeyId { get; set; } = "";

    /// <summary>PKCS#8 ("BEGIN PRIVATE KEY") or SEC1 PEM of a P-256 key.</summary>
    [Required]
    public string Pem { get; set; } = "";

    /// <summary>Lifetime of each internal token; one hop needs seconds, and the contract caps it at 60 s.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(30);
}
