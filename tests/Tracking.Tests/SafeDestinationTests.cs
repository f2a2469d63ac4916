using System.Net;
using AmbassadorNet.Tracking;
using AmbassadorNet.Tracking.Domain;

namespace Tracking.Tests;

public sealed class SafeDestinationTests
{
    [Theory]
    [InlineData("https://allowed.com@evil.com/")]
    [InlineData("https://user:pw@allowed.com/")]
    [InlineData("https://evil.com\\@allowed.com/")]
    [InlineData("https://allowed.com\\.evil.com/")]
    [InlineData("https://allowed.com.evil.com/")]
    [InlineData("https://evilallowed.com/")]
    [InlineData("https://xn--llowed-2ua.com/")]
    [InlineData("javascript:alert(1)//allowed.com")]
    [InlineData("//allowed.com/x")]
    [InlineData("https://allowed.com%2eevil.com/")]
    [InlineData("https://allowed.com /")]
    public void Tricky_hosts_are_refused(string destination) => Assert.Null(SafeDestination.Check(destination, ["allowed.com"]));

    [Theory]
    [InlineData("https://allowed.com/x", "allowed.com")]
    [InlineData("https://Shop.ALLOWED.com./x", "ALLOWED.COM.")]
    [InlineData("https://bücher.example/", "xn--bcher-kva.example")]
    [InlineData("https://xn--bcher-kva.example/", "BÜCHER.example")]
    public void Allowed_hosts_and_their_subdomains_pass_in_any_case_spelling_and_trailing_dot(string destination, string allowed) =>
        Assert.NotNull(SafeDestination.Check(destination, [allowed]));

    [Fact]
    public void Query_parameters_are_encoded_and_the_brands_own_utm_values_win()
    {
        var location = RedirectUrl.Build(new Uri("https://a.com/?utm_campaign=own&x=1"), new TrackingParameters("Été & co", "@jane", Guid.Empty));

        Assert.Equal("https://a.com/?utm_campaign=own&x=1&utm_source=ambassadornet&utm_medium=influencer&utm_content=%40jane&amb_cid=00000000-0000-0000-0000-000000000000", location);
    }

    [Fact]
    public void Forwarded_addresses_are_believed_only_from_the_gateways_networks()
    {
        var visitor = new Visitor(new TrackingOptions { IpHashKey = new string('k', 32), TrustedProxyNetworks = ["10.0.0.0/8"] });

        Assert.Equal(IPAddress.Parse("198.51.100.1"), visitor.ClientAddress(IPAddress.Parse("198.51.100.1"), "1.2.3.4"));
        Assert.Equal(IPAddress.Parse("1.2.3.4"), visitor.ClientAddress(IPAddress.Parse("10.1.2.3"), "9.9.9.9, 1.2.3.4, 10.0.0.7"));
        Assert.NotEqual(visitor.Hash(IPAddress.Parse("1.2.3.4")), new Visitor(new TrackingOptions { IpHashKey = new string('x', 32) }).Hash(IPAddress.Parse("1.2.3.4")));
    }
}
