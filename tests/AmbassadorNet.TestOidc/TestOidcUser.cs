namespace AmbassadorNet.TestOidc;

/// <summary>A person in the brand's directory, as the provider puts them into an access token.</summary>
/// <param name="EmailVerified">What the token's <c>email_verified</c> says (providers that check addresses send true).</param>
public sealed record TestOidcUser(string Subject, string Name, string Email, IReadOnlyList<string> Groups, bool EmailVerified = true)
{
    /// <summary>The claim the groups travel in (Entra ID, Okta and Keycloak all default to this name).</summary>
    public const string GroupsClaim = "groups";
}
