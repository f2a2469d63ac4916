namespace AmbassadorNet.Gateway.Identity.Oidc;

public enum OidcRefusalReason
{
    Malformed,
    UnknownIssuer,
    WrongAudience,
    AmbiguousProvider,
    InsecureMetadata,
    MetadataUnavailable,
    Expired,
    NotYetValid,
    BadSignature,
    UnknownKey,
    NoSubject,
    NoMappedRole,
    Invalid,
}

/// <summary>Why a provider's token signs nobody in; <see cref="Detail"/> is written for a 401's problem detail.</summary>
public sealed record OidcRefusal(OidcRefusalReason Reason, string Detail)
{
    public static OidcRefusal Of(OidcRefusalReason reason) => new(reason, reason switch
    {
        OidcRefusalReason.Malformed => "The bearer token is neither an API key nor a signed JWT.",
        OidcRefusalReason.UnknownIssuer => "The token's issuer is not the identity provider of any brand.",
        OidcRefusalReason.WrongAudience => "The token is not meant for the audience the brand configured for its identity provider.",
        OidcRefusalReason.AmbiguousProvider => "More than one brand trusts this issuer for this audience; the brand cannot be told.",
        OidcRefusalReason.InsecureMetadata => "The identity provider's metadata must be read over HTTPS (plain HTTP only for a loopback issuer in Development or Testing).",
        OidcRefusalReason.MetadataUnavailable => "The identity provider's metadata (discovery document and keys) could not be read.",
        OidcRefusalReason.Expired => "The token has expired.",
        OidcRefusalReason.NotYetValid => "The token is not valid yet.",
        OidcRefusalReason.BadSignature => "The token's signature does not verify.",
        OidcRefusalReason.UnknownKey => "The token is signed with a key its identity provider does not publish.",
        OidcRefusalReason.NoSubject => "The token names no subject (sub).",
        OidcRefusalReason.NoMappedRole => "None of the token's values of the brand's roles claim maps to a role.",
        _ => "The token was refused.",
    });
}
