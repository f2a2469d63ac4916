namespace AmbassadorNet.Gateway.Identity.Oidc;

/// <summary>A brand's member signed in by their identity provider: who, for which brand, with which of our roles.</summary>
/// <param name="EmailVerified">The provider's <c>email_verified</c> claim was true: only then may the address link an existing member.</param>
public sealed record OidcSignIn(Guid BrandId, string Issuer, string Subject, string? Name, string? Email, IReadOnlyList<string> Roles, bool EmailVerified = false);

/// <summary>Either a sign-in or the refusal that becomes the 401's detail.</summary>
public sealed record OidcValidationResult(OidcSignIn? SignIn, OidcRefusal? Refusal)
{
    public bool Succeeded => SignIn is not null;

    public static OidcValidationResult Success(OidcSignIn signIn) => new(signIn, null);

    public static OidcValidationResult Refused(OidcRefusalReason reason) => new(null, OidcRefusal.Of(reason));
}
