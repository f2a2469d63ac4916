using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AmbassadorNet.Gateway.Configuration;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Errors;
using Microsoft.Extensions.Options;

namespace AmbassadorNet.Gateway.Keys;

/// <summary>
/// Asks the creators service, as the admin making the key, whether a creator credential would name a
/// creator of the brand who can still act: a credential for an id that does not exist would reach
/// nothing, and the admin should hear about the typo now rather than from the creator.
/// </summary>
internal sealed class CreatorDirectory(HttpClient http, InternalTokenIssuer issuer, IOptions<GatewayOptions> options)
{
    public const string ClientName = "creators-directory";

    // Creators in these states take part in nothing any more; a credential for them is refused.
    private static readonly string[] Gone = ["erased", "offboarded"];

    public async Task EnsureActiveAsync(Guid brandId, Guid creatorId, InternalCaller admin, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress(), $"/api/creators/{creatorId}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
            issuer.Issue(InternalToken.AudienceFor(GatewayServices.Creators), brandId, [Roles.Admin], admin, TimeSpan.FromSeconds(30)));
        using var response = await SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new RequestValidationException("creatorId", $"The brand has no creator {creatorId}.");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new CreatorsUnavailableException($"The creators service answered {(int)response.StatusCode} when asked for creator {creatorId}; try again.");
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        if (body.RootElement.TryGetProperty("status", out var status) && Gone.Contains(status.GetString()))
        {
            throw new ConflictException($"Creator {creatorId} is {status.GetString()}; a credential for them would reach nothing.");
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new CreatorsUnavailableException($"The creators service could not be reached to confirm the creator ({e.Message}); try again.");
        }
    }

    private Uri BaseAddress() => new(options.Value.Services[GatewayServices.Creators]);
}

/// <summary>502: the key was not made because the creator could not be confirmed.</summary>
internal sealed class CreatorsUnavailableException(string detail) : ProblemException(502, "Bad gateway", detail);
