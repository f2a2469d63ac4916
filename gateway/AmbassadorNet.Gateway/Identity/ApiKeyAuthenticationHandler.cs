using System.Security.Claims;
using System.Text.Encodings.Web;
using AmbassadorNet.Gateway.Access;
using AmbassadorNet.Gateway.Identity.Oidc;
using AmbassadorNet.Gateway.Keys;
using AmbassadorNet.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AmbassadorNet.Gateway.Identity;

/// <summary>
/// Who is calling: <c>Authorization: Bearer</c> with a brand's API key, the operator key, or a token of a
/// brand's own identity provider that signs a member in (<see cref="BrandOidcValidator"/>, <see cref="MemberSignIn"/>).
/// A malformed credential is refused without touching the database; the reason becomes the 401's detail.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyDirectory directory,
    OperatorCredential operatorCredential,
    BrandOidcValidator oidc,
    MemberSignIn members)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // Public and unknown routes identify nobody: a redirect carrying a key is still just a visitor.
        if (Context.Features.Get<GatewayRouteFeature>()?.Resolution.Route is not { Access.IsPublic: false })
        {
            return AuthenticateResult.NoResult();
        }

        var headers = Request.Headers.Authorization;
        if (headers.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (headers.Count > 1)
        {
            return AuthenticateResult.Fail("Send exactly one Authorization header.");
        }

        var header = headers[0] ?? "";
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail($"Send the API key as 'Authorization: Bearer {ApiKeyFormat.Prefix}…'.");
        }

        var credential = header[BearerPrefix.Length..].Trim();
        if (operatorCredential.Matches(credential))
        {
            return Success(Principal(Guid.Empty, InternalCaller.Operator, [Roles.Operator]));
        }

        if (!ApiKeyFormat.IsWellFormed(credential) && BrandOidcValidator.LooksLikeJwt(credential))
        {
            return await SignInAsync(credential);
        }

        if (!ApiKeyFormat.IsWellFormed(credential))
        {
            return AuthenticateResult.Fail($"The API key is malformed: expected '{ApiKeyFormat.Prefix}' and {ApiKeyFormat.SecretLength} letters or digits.");
        }

        var key = await directory.FindAsync(ApiKeyFormat.Hash(credential), Context.RequestAborted);
        return key is null
            ? AuthenticateResult.Fail("The API key is unknown or has been revoked.")
            : Success(Principal(key.BrandId, key.Caller, key.Roles));
    }

    /// <summary>A member signed in by their brand's identity provider: no key, the roles the provider's groups map onto.</summary>
    private async Task<AuthenticateResult> SignInAsync(string token)
    {
        var result = await oidc.ValidateAsync(token, Context.RequestAborted);
        if (result.SignIn is not { } signIn)
        {
            return AuthenticateResult.Fail(result.Refusal!.Detail);
        }

        return await members.CallerOfAsync(signIn, Context.RequestAborted) is { } member
            ? Success(Principal(signIn.BrandId, member, signIn.Roles))
            : AuthenticateResult.Fail("The member is deactivated.");
    }

    /// <summary>The claims the internal token carries, named as <see cref="CurrentCaller"/> reads them.</summary>
    private static ClaimsPrincipal Principal(Guid brandId, InternalCaller caller, IEnumerable<string> roles)
    {
        var claims = new List<Claim> { new(InternalToken.BrandClaim, brandId.ToString()) };
        claims.AddRange(InternalCallerClaims.ToClaims(caller));
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, InternalToken.ApiKeyIdClaim, ClaimTypes.Role));
    }

    private AuthenticateResult Success(ClaimsPrincipal principal) => AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
}
