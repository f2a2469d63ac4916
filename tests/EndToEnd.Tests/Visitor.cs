using System.Net;
using System.Web;

namespace EndToEnd.Tests;

/// <summary>A shopper's browser (or a crawler) following a creator's link through the gateway's public redirect.</summary>
public sealed class Visitor(Uri gateway) : IDisposable
{
    public const string Browser = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
    public const string Crawler = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Follows <c>/r/{code}</c> and returns where it was sent and the click id (<c>amb_cid</c>) the shop would keep.</summary>
    public async Task<Landing> ClickAsync(string code, string userAgent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway, $"/r/{code}"));
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        using var response = await _http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Found || response.Headers.Location is null)
        {
            throw new HttpRequestException($"/r/{code} answered {(int)response.StatusCode}, not a redirect");
        }

        var location = response.Headers.Location;
        return new Landing(location, Guid.Parse(HttpUtility.ParseQueryString(location.Query)["amb_cid"]!));
    }

    public void Dispose() => _http.Dispose();
}

public sealed record Landing(Uri Location, Guid ClickId);
