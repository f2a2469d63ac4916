using System.Text.RegularExpressions;

namespace AmbassadorNet.Campaigns.Domain.Posts;

/// <summary>
/// A platform posts are published on: the hosts its content lives at, the shape of a post's path
/// (and query), and the formats it offers. A URL is accepted for a platform when it is https, its
/// host matches and its path does; <see cref="Example"/> shows one in an error message.
/// </summary>
public sealed record PostPlatform(string Name, Regex Host, Regex Path, IReadOnlyList<PostFormat> Formats, string Example)
{
    public bool Accepts(Uri url) => Host.IsMatch(url.Host) && Path.IsMatch(url.PathAndQuery);

    public bool Offers(PostFormat format) => Formats.Contains(format);
}
