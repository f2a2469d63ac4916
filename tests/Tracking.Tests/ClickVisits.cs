using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Web;
using AmbassadorNet.Tracking.Domain;

namespace Tracking.Tests;

/// <summary>
/// Visitors following tracking links as the gateway forwards them (from a trusted proxy that names the
/// client in X-Forwarded-For), and the clicks they left as GET /api/clicks lists them.
/// </summary>
public static class ClickVisits
{
    /// <summary>Follows the link <paramref name="code"/> as the visitor at <paramref name="ip"/>; the answer must be a 302, whose click id is returned.</summary>
    public static async Task<Guid> VisitAsync(
        this TrackingService service, string code, string ip, HttpMethod? method = null, string userAgent = "Mozilla/5.0", string? referrer = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, $"/r/{code}");
        request.Headers.UserAgent.ParseAdd(userAgent);
        request.Headers.Add("X-Forwarded-For", ip);
        if (referrer is not null)
        {
            request.Headers.Referrer = new Uri(referrer);
        }

        using var response = await service.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        return ClickIdOf(response);
    }

    /// <summary>The click id (amb_cid) a redirect carries the visitor to the shop with.</summary>
    public static Guid ClickIdOf(HttpResponseMessage redirect) =>
        Guid.Parse(HttpUtility.ParseQueryString(redirect.Headers.Location!.Query)[TrackingParameters.ClickIdName]!);

    /// <summary>The keyed hash the service stores for a visitor's address.</summary>
    public static string IpHashOf(string ip) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(TrackingService.IpHashKey), IPAddress.Parse(ip).GetAddressBytes()));

    /// <summary>One page of GET /api/clicks?<paramref name="query"/> as the brand's admin: its items.</summary>
    public static async Task<List<JsonElement>> ClicksAsync(this TrackingService service, Guid brand, string query) =>
        [.. (await service.ReadAsync(HttpMethod.Get, $"/api/clicks?{query}", brand)).GetProperty("items").EnumerateArray()];

    public static Guid Id(this JsonElement click) => click.GetProperty("id").GetGuid();
}
