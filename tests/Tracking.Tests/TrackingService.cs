using AmbassadorNet.Security;
using AmbassadorNet.TestKit.Services;
using AmbassadorNet.TestKit.Waiting;
using AmbassadorNet.Tracking;
using AmbassadorNet.Tracking.Persistence;

namespace Tracking.Tests;

/// <summary>
/// The tracking service as it ships (<see cref="TrackingApp"/>) on a loopback port, with its own
/// database and vhost; more replicas can run on the same database. Its clients see redirects
/// rather than follow them.
/// </summary>
public sealed class TrackingService() : ServiceUnderTest<TrackingDbContext>(TrackingApp.Name, TrackingDbContext.Migrations, TrackingApp.Create)
{
    public const string IpHashKey = "test-ip-hash-key-0123456789abcdef0123456789";

    public static string Audience => InternalToken.AudienceFor(TrackingApp.Name);

    protected override bool FollowRedirects => false;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => new Dictionary<string, string?>
    {
        ["Tracking:IpHashKey"] = IpHashKey,
        ["Tracking:PublicBaseUrl"] = "https://go.test",
        ["Tracking:TrustedProxyNetworks:0"] = "127.0.0.1/32",
    };

    /// <summary>The codes the service issued for an enrollment, once it has issued them.</summary>
    public async Task<(string Link, string Promo)> CodesOfAsync(Guid brand, Guid enrollmentId)
    {
        var links = await Eventually.UntilAsync(
            _ => ReadAsync(HttpMethod.Get, $"/api/links?enrollmentId={enrollmentId}", brand), l => l.GetProperty("items").GetArrayLength() > 0, $"link of {enrollmentId}");
        var promos = await ReadAsync(HttpMethod.Get, $"/api/promo-codes?enrollmentId={enrollmentId}", brand);
        return (links.GetProperty("items")[0].GetProperty("code").GetString()!, promos.GetProperty("items")[0].GetProperty("code").GetString()!);
    }
}
