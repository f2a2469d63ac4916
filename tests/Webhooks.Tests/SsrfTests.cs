using System.Net;
using System.Text.Json;
using AmbassadorNet.Persistence.Tenancy;
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
    public async Task A_subscription_to_a_forbidden_destination_is_refused(string url)
    {
        var response = await service.SendAsync(HttpMethod.Post, "/api/webhooks", Guid.CreateVersion7(), new { url });
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("url", out _), problem.ToString());
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
    public void Only_public_unicast_addresses_are_reachable(string address, bool reachable) =>
        Assert.Equal(reachable, AddressPolicy.IsPublic(IPAddress.Parse(address)));

    private async Task SetUrlAsync(Guid brand, Guid subscription, string url)
    {
        await using var scope = service.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BrandScope>().Set(brand);
        await scope.ServiceProvider.GetRequiredService<WebhooksDbContext>().Subscriptions
            .Where(s => s.Id == subscription).ExecuteUpdateAsync(s => s.SetProperty(x => x.Url, url));
    }
}
