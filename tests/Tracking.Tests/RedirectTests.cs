using System.Net;
using AmbassadorNet.TestKit.Waiting;

namespace Tracking.Tests;

public sealed class RedirectTests(TrackingService service) : IClassFixture<TrackingService>
{
    private async Task<(Guid Brand, Guid Campaign, string Code)> IssueAsync(string destination = Events.Destination, string[]? allowed = null)
    {
        var (brand, campaign, enrollment) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await service.PublishAsync(Events.Launched(brand, campaign, destination, allowed));
        await service.PublishAsync(Events.Enrolled(brand, campaign, enrollment));
        return (brand, campaign, (await service.CodesOfAsync(brand, enrollment)).Link);
    }

    [Fact]
    public async Task A_redirect_keeps_the_destination_query_and_fragment_and_appends_utm_and_the_click_id()
    {
        var (_, _, code) = await IssueAsync("https://shop.example.com/p/a%20b?ref=home&utm_source=newsletter&amb_cid=forged#reviews");

        var response = await service.Http.GetAsync($"/r/{code}");
        var location = response.Headers.Location!.OriginalString;
        var unknown = await service.Http.GetAsync("/r/NoSuch99");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith("https://shop.example.com/p/a%20b?ref=home&utm_source=newsletter&utm_medium=influencer&utm_campaign=Spring%20Box&utm_content=%40jane.doe&amb_cid=", location);
        Assert.EndsWith("#reviews", location);
        Assert.DoesNotContain("forged", location);
        Assert.Equal(7, Guid.Parse(location.Split("amb_cid=")[1].Split('#')[0]).Version);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Destinations_outside_the_allowed_domains_are_never_followed_and_idn_hosts_are_compared_as_punycode()
    {
        var userInfo = await IssueAsync("https://allowed.com@evil.com/", ["allowed.com"]);
        var backslash = await IssueAsync("https://evil.com\\@allowed.com/", ["allowed.com"]);
        var idn = await IssueAsync("https://SHOP.Bücher.Example./buch", ["bücher.example"]);

        var refused = await Task.WhenAll(service.Http.GetAsync($"/r/{userInfo.Code}"), service.Http.GetAsync($"/r/{backslash.Code}"));
        var followed = await service.Http.GetAsync($"/r/{idn.Code}");

        Assert.All(refused, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(HttpStatusCode.Found, followed.StatusCode);
        Assert.StartsWith("https://shop.xn--bcher-kva.example/buch?", followed.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Paused_campaigns_redirect_and_attribute_and_ended_ones_redirect_without_attributing()
    {
        var (brand, campaign, code) = await IssueAsync();
        var active = await service.Http.GetAsync($"/r/{code}");
        await service.PublishAsync(Events.Paused(brand, campaign, 3));
        await Eventually.UntilAsync(async _ => await service.ScalarAsync<string>("SELECT status FROM campaign_replicas WHERE campaign_id = @c", ("c", campaign)) == "paused", "paused");
        var paused = await service.Http.GetAsync($"/r/{code}");
        await service.PublishAsync(Events.Ended(brand, campaign, 4));

        // Redirect until a click recorded after the end arrives: every answer must still be a 302.
        var statuses = new List<HttpStatusCode>();
        await Eventually.UntilAsync(async _ =>
        {
            statuses.Add((await service.Http.GetAsync($"/r/{code}")).StatusCode);
            return await service.ScalarAsync<long>("SELECT count(*) FROM clicks WHERE brand_id = @b AND NOT is_attributable", ("b", brand)) > 0;
        }, "an unattributable click");

        Assert.Equal((HttpStatusCode.Found, HttpStatusCode.Found), (active.StatusCode, paused.StatusCode));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Found, s));
        Assert.True(await service.ScalarAsync<long>("SELECT count(*) FROM clicks WHERE brand_id = @b AND is_attributable", ("b", brand)) >= 2);
    }

    [Fact]
    public async Task A_deactivated_link_answers_404()
    {
        var (brand, _, code) = await IssueAsync();
        var id = (await service.ReadAsync(HttpMethod.Get, "/api/links", brand)).GetProperty("items")[0].GetProperty("id").GetGuid();

        var deactivated = await service.ReadAsync(HttpMethod.Post, $"/api/links/{id}/deactivate", brand);
        var status = await Eventually.UntilAsync(async _ => (await service.Http.GetAsync($"/r/{code}")).StatusCode, s => s == HttpStatusCode.NotFound, "404 after deactivation");

        Assert.False(deactivated.GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
