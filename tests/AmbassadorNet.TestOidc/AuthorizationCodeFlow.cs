using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace AmbassadorNet.TestOidc;

/// <summary>The client side of the authorization code flow with PKCE (RFC 7636), as a browser and a relying party would run it.</summary>
internal sealed class AuthorizationCodeFlow(HttpClient http, Uri redirectUri)
{
    public async Task<string> SignInAsync(string loginHint, string audience, DateTimeOffset? issuedAt, CancellationToken cancellationToken)
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Guid.NewGuid().ToString("N");
        var authorize = QueryHelpers.AddQueryString("connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = TestOidcServer.ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri.AbsoluteUri,
            ["scope"] = "openid",
            ["state"] = state,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
            ["login_hint"] = loginHint,
            [TestOidcServer.AudienceParameter] = audience,
        });

        using var redirect = await http.GetAsync(authorize, cancellationToken);
        var location = redirect.Headers.Location;
        if (redirect.StatusCode != HttpStatusCode.Redirect || location is null)
        {
            throw new InvalidOperationException($"The authorization endpoint answered {(int)redirect.StatusCode}: {await redirect.Content.ReadAsStringAsync(cancellationToken)}");
        }

        var answer = QueryHelpers.ParseQuery(location.Query);
        if (answer.TryGetValue("error", out var error))
        {
            throw new InvalidOperationException($"The authorization endpoint refused: {error} {answer.GetValueOrDefault("error_description")}");
        }

        if (answer["state"] != state)
        {
            throw new InvalidOperationException("The authorization endpoint returned another state.");
        }

        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = TestOidcServer.ClientId,
            ["code"] = answer["code"].ToString(),
            ["redirect_uri"] = redirectUri.AbsoluteUri,
            ["code_verifier"] = verifier,
        };
        if (issuedAt is { } backdated)
        {
            form[TestOidcServer.IssuedAtParameter] = backdated.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        }

        using var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(form), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The token endpoint answered {(int)response.StatusCode}: {body}");
        }

        var tokens = System.Text.Json.JsonSerializer.Deserialize<TokenResponse>(body)!;
        return tokens.AccessToken ?? throw new InvalidOperationException($"The token endpoint returned no access token: {body}");
    }

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string? AccessToken);
}
