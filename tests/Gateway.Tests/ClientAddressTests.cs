using System.Net;
using AmbassadorNet.Gateway.Http;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests;

/// <summary>The rule that picks the client's address from a peer and its X-Forwarded-For; no I/O.</summary>
public sealed class ClientAddressTests
{
    private static readonly TrustedProxies Proxies = TrustedProxies.Parse(["10.0.0.0/8", "2001:db8:ffff::/48"]);

    [Theory]
    [InlineData("203.0.113.50", "1.2.3.4", "203.0.113.50")] // an untrusted peer's header is its own claim
    [InlineData("10.0.0.1", "203.0.113.7", "203.0.113.7")]
    [InlineData("10.0.0.1", "1.2.3.4, 203.0.113.7", "203.0.113.7")] // nothing left of an untrusted hop is read
    [InlineData("10.0.0.1", "1.2.3.4, 203.0.113.7, 10.0.0.9", "203.0.113.7")] // trusted hops are skipped
    [InlineData("10.0.0.1", "10.0.0.3, 10.0.0.2", "10.0.0.3")] // only proxies: the farthest one we know of
    [InlineData("10.0.0.1", "1.2.3.4, garbage, 10.0.0.2", "10.0.0.2")] // malformed: the last trusted hop
    [InlineData("10.0.0.1", "unknown", "10.0.0.1")]
    [InlineData("10.0.0.1", "", "10.0.0.1")]
    [InlineData("::ffff:10.0.0.1", "203.0.113.7", "203.0.113.7")] // a dual-stack socket's view of an IPv4 proxy
    [InlineData("10.0.0.1", "203.0.113.7:51234", "203.0.113.7")] // some balancers append the port
    [InlineData("10.0.0.1", "[2001:db8::5]:443", "2001:db8::5")]
    [InlineData("10.0.0.1", "2001:db8::5", "2001:db8::5")]
    [InlineData("2001:db8:ffff::1", "::ffff:203.0.113.7", "203.0.113.7")]
    public void The_client_is_the_first_untrusted_entry_from_the_right(string peer, string forwardedFor, string expected)
    {
        var client = Proxies.ClientAddress(IPAddress.Parse(peer), Entries(forwardedFor));

        Assert.Equal(IPAddress.Parse(expected), client);
    }

    [Fact]
    public void Several_header_lines_read_as_one_list_in_order()
    {
        var headers = new HeaderDictionary { ["X-Forwarded-For"] = new(["1.2.3.4", "203.0.113.7, 10.0.0.2"]) };

        var client = Proxies.ClientAddress(IPAddress.Parse("10.0.0.1"), headers.GetCommaSeparatedValues("X-Forwarded-For"));

        Assert.Equal(IPAddress.Parse("203.0.113.7"), client);
    }

    [Fact]
    public void With_no_trusted_proxies_the_peer_is_always_the_client()
    {
        var none = TrustedProxies.Parse([]);

        Assert.Equal(IPAddress.Loopback, none.ClientAddress(IPAddress.Loopback, Entries("203.0.113.7")));
    }

    [Theory]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("0.0.0.0/0", true)]
    [InlineData(" 192.168.1.0/24 ", true)]
    [InlineData("2001:db8::/32", true)]
    [InlineData("10.0.0.7/32", true)]
    [InlineData("10.0.0.7", false)] // one address is written /32, so a forgotten prefix is not silently a host
    [InlineData("10.0.0.7/8", false)] // host bits after the prefix: probably a typo
    [InlineData("10.0.0.0/33", false)]
    [InlineData("10.0.0/8", false)]
    [InlineData("example.com/8", false)]
    [InlineData("", false)]
    public void Only_a_cidr_network_is_a_trusted_proxy_setting(string value, bool valid)
    {
        Assert.Equal(valid, TrustedProxies.TryParseNetwork(value, out _));
    }

    private static string[] Entries(string header) =>
        new HeaderDictionary { ["X-Forwarded-For"] = header }.GetCommaSeparatedValues("X-Forwarded-For");
}
