using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Text.Json;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.Webhooks;
using AmbassadorNet.Webhooks.Delivery;
using AmbassadorNet.Webhooks.Persistence;
using AmbassadorNet.Webhooks.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Webhooks.Tests;

public sealed class SsrfTests(WebhooksService service) : IClassFixture<WebhooksService>
{
    [Theory]
    [InlineData("https://10.0.0.5/hook")]
    [InlineData("https://127.0.0.2/hook")] // loopback, and not the allow-listed 127.0.0.1
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[::ffff:10.0.0.1]/hook")]
    [InlineData("https://localhost/hook")] // a name that resolves to loopback
    [InlineData("http://example.com/hook")] // plain http for a host not on the allow-list
    [InlineData("ftp://example.com/hook")]
    [InlineData("https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook")] // Teredo: a relay would tunnel it to an unchecked IPv4 address
    [InlineData("https://[2001::1]/hook")]
    [InlineData("https://[100::1]/hook")] // discard-only
    public async Task A_subscription_to_a_forbidden_destination_is_refused(string url)
    {
        var brand = Guid.CreateVersion7(); // a brand with no events, so nothing is ever delivered to what it subscribes
        var response = await service.SendAsync(HttpMethod.Post, "/api/webhooks", brand, new { url });
        var body = await DeleteIfAcceptedAsync(brand, response);
        var problem = JsonDocument.Parse(body).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("url", out _), problem.ToString());
        Assert.Equal(0, await SubscriptionRowsAsync(brand));
    }

    [Fact]
    public async Task A_subscription_to_an_unlisted_port_of_an_allow_listed_address_is_refused()
    {
        var brand = Guid.CreateVersion7();
        await using var other = await TestReceiver.StartAsync(); // listening, so a refusal is the rule's and not the network's
        var refused = new List<string>();
        foreach (var url in new[] { other.UrlFor("hook"), $"https://127.0.0.1:{new Uri(other.BaseUrl).Port}/hook", "http://127.0.0.1:15672/api/overview" })
        {
            var response = await service.SendAsync(HttpMethod.Post, "/api/webhooks", brand, new { url });
            var problem = JsonDocument.Parse(await DeleteIfAcceptedAsync(brand, response)).RootElement;
            if (response.StatusCode == HttpStatusCode.BadRequest && problem.GetProperty("errors").TryGetProperty("url", out _))
            {
                refused.Add(url);
            }
        }

        Assert.Equal(3, refused.Count);
        Assert.Equal(0, await SubscriptionRowsAsync(brand));
        Assert.Empty(other.ReceivedAt("hook"));
    }

    [Fact]
    public async Task The_delivery_client_refuses_an_unlisted_port_of_an_allow_listed_address()
    {
        var client = service.Services.GetRequiredService<IHttpClientFactory>().CreateClient(DeliveryRegistration.HttpClientName);
        await using var other = await TestReceiver.StartAsync();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(other.UrlFor("unlisted"), null));

        Assert.IsType<DestinationRefusedException>(refused.InnerException);
        Assert.Empty(other.ReceivedAt("unlisted"));
    }

    [Fact]
    public async Task No_response_body_is_kept_from_an_allow_listed_private_address()
    {
        var brand = Guid.CreateVersion7();
        var (subscription, _) = await service.SubscribeAsync(brand, "quiet");
        service.Receiver.Script("quiet", new Reply(500));
        await service.PublishAsync(Events.Approved(brand));

        var delivery = await service.DeliveryAsync(brand, subscription, "succeeded");

        Assert.Equal([500, 200], delivery.AttemptLog().Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.All(delivery.AttemptLog(), a => Assert.Equal(JsonValueKind.Null, a.GetProperty("responseBody").ValueKind));
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM webhook_delivery_attempts WHERE response_body IS NOT NULL"));
    }

    [Fact]
    public async Task The_delivery_client_checks_the_address_it_connects_to_unless_the_host_is_allow_listed()
    {
        var client = service.Services.GetRequiredService<IHttpClientFactory>().CreateClient(DeliveryRegistration.HttpClientName);
        var port = new Uri(service.Receiver.BaseUrl).Port;

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync($"http://localhost:{port}/by-name", null));
        var allowed = await client.PostAsync($"http://127.0.0.1:{port}/by-address", null);

        Assert.IsType<DestinationRefusedException>(refused.InnerException);
        Assert.Empty(service.Receiver.ReceivedAt("by-name"));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task A_destination_that_turns_private_after_subscribing_is_refused_at_delivery()
    {
        var brand = Guid.CreateVersion7();
        var (subscription, _) = await service.SubscribeAsync(brand, "rebound");
        var port = new Uri(service.Receiver.BaseUrl).Port;
        await SetUrlAsync(brand, subscription, $"http://localhost:{port}/rebound"); // as if its DNS now pointed at loopback
        await service.PublishAsync(Events.Approved(brand));

        var delivery = await service.DeliveryAsync(brand, subscription, "failed");
        var attempt = Assert.Single(delivery.AttemptLog());

        Assert.Contains("Refused to reach localhost", attempt.GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, attempt.GetProperty("statusCode").ValueKind);
        Assert.Empty(service.Receiver.ReceivedAt("rebound"));
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("2606:4700:4700::1111", true)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("127.0.0.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.100.100.200", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00:ec2::254", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("64:ff9b::a9fe:a9fe", false)]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", false)] // Teredo 2001::/32
    [InlineData("2001::", false)]
    [InlineData("2001:0:ffff:ffff:ffff:ffff:ffff:ffff", false)]
    [InlineData("2001:4860:4860::8888", true)] // just outside 2001::/32
    [InlineData("100::", false)] // discard-only 100::/64
    [InlineData("100::ffff:ffff:ffff:ffff", false)]
    public void Only_public_unicast_addresses_are_reachable(string address, bool reachable) =>
        Assert.Equal(reachable, AddressPolicy.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1:5099", true)]
    [InlineData("[::1]:5099", true)]
    [InlineData("localhost:8080", true)]
    [InlineData("127.0.0.1", false)] // no port: an entry names one port, and a bare address would admit every port
    [InlineData("::1:5099", false)] // an IPv6 address needs brackets, or its last group reads as the port
    [InlineData("127.0.0.1:0", false)]
    [InlineData("127.0.0.1:99999", false)]
    public void An_allow_list_entry_names_a_host_and_a_port_or_the_service_does_not_start(string entry, bool valid)
    {
        var options = new WebhookOptions { AllowedPrivateEndpoints = [entry] };

        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }

    /// <summary>A subscription the service should have refused is deleted at once, before anything could be delivered to it.</summary>
    private async Task<string> DeleteIfAcceptedAsync(Guid brand, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.IsSuccessStatusCode)
        {
            var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
            await service.SendAsync(HttpMethod.Delete, $"/api/webhooks/{id}", brand);
        }

        return body;
    }

    private Task<long> SubscriptionRowsAsync(Guid brand) =>
        service.CountAsync($"SELECT count(*) FROM webhook_subscriptions WHERE brand_id = '{brand}'");

    private async Task SetUrlAsync(Guid brand, Guid subscription, string url)
    {
        await using var scope = service.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BrandScope>().Set(brand);
        await scope.ServiceProvider.GetRequiredService<WebhooksDbContext>().Subscriptions
            .Where(s => s.Id == subscription).ExecuteUpdateAsync(s => s.SetProperty(x => x.Url, url));
    }
}
