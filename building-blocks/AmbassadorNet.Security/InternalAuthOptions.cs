using System.ComponentModel.DataAnnotations;

namespace AmbassadorNet.Security;

/// <summary>What a service needs to validate internal tokens: its audience and the gateway's public keys.</summary>
public sealed class InternalAuthOptions
{
    public const string SectionName = "InternalAuth";

    /// <summary>This service's audience, e.g. <c>ambassadornet-creators</c>; tokens for another service are refused.</summary>
    [Required]
    public string Audience { get; set; } = "";

    /// <summary>
    /// kid → "-----BEGIN PUBLIC KEY-----" PEM. During a rotation both the old and the new kid are
    /// present; a token is checked against the key its kid names, never against the others.
    /// </summary>
    [Required]
    [MinLength(1)]
    public Dictionary<string, string> PublicKeys { get; set; } = new(StringComparer.Ordinal);
}
