using AmbassadorNet.Campaigns.Domain;
using AmbassadorNet.Campaigns.Domain.Posts;

namespace Campaigns.Tests;

public sealed class PostUrlTests
{
    [Theory]
    [InlineData("instagram", "https://www.instagram.com/reel/C0abc123XYZ/?igsh=MTc4", "https://instagram.com/reel/C0abc123XYZ")]
    [InlineData("instagram", "https://instagram.com/p/Cx9_-a1/", "https://instagram.com/p/Cx9_-a1")]
    [InlineData("tiktok", "https://www.tiktok.com/@jane.doe/video/7301234567890123456?is_from_webapp=1", "https://tiktok.com/@jane.doe/video/7301234567890123456")]
    [InlineData("tiktok", "https://vm.tiktok.com/ZMabc123/", "https://vm.tiktok.com/ZMabc123")]
    [InlineData("youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s&si=abc", "https://youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("youtube", "https://youtu.be/dQw4w9WgXcQ", "https://youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("youtube", "https://YouTube.com/shorts/dQw4w9WgXcQ#comments", "https://youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("x", "https://twitter.com/jane_doe/status/1790000000000000000?s=20&t=abc", "https://x.com/jane_doe/status/1790000000000000000")]
    [InlineData("facebook", "https://www.facebook.com/reel/1234567890?utm_source=share", "https://facebook.com/reel/1234567890")]
    [InlineData("facebook", "https://www.facebook.com/watch/?v=1234567890&mibextid=x", "https://facebook.com/watch?v=1234567890")]
    [InlineData("pinterest", "https://www.pinterest.co.uk/pin/123456789012345678/", "https://pinterest.co.uk/pin/123456789012345678")]
    [InlineData("twitch", "https://www.twitch.tv/videos/2000000000", "https://twitch.tv/videos/2000000000")]
    [InlineData("blog", "https://www.janes-kitchen.example.com/2026/12/vegan-box-review/?utm_source=ig", "https://janes-kitchen.example.com/2026/12/vegan-box-review")]
    public void A_post_url_of_its_platform_is_accepted_in_canonical_form(string platform, string url, string canonical) =>
        Assert.Equal(canonical, PostUrls.Check(url, Platforms.Find(platform)!, out _));

    [Theory]
    [InlineData("instagram", "http://www.instagram.com/reel/C0abc123XYZ/")] // not https
    [InlineData("instagram", "https://www.instagram.com/jane.doe/")] // a profile, not a post
    [InlineData("instagram", "https://www.tiktok.com/@jane/video/7301234567890123456")] // another platform's post
    [InlineData("instagram", "https://instagram.com.evil.example/reel/C0abc123XYZ/")] // a look-alike host
    [InlineData("tiktok", "https://www.tiktok.com/@jane.doe")] // a profile
    [InlineData("youtube", "https://www.youtube.com/watch?list=PL123")] // no video
    [InlineData("youtube", "https://www.youtube.com/@jane")] // a channel
    [InlineData("x", "https://x.com/jane_doe")] // a profile
    [InlineData("pinterest", "https://www.pinterest.com/jane/boards/")]
    [InlineData("twitch", "https://www.twitch.tv/")]
    [InlineData("blog", "https://www.instagram.com/p/Cx9_-a1/")] // a platform's post is not a blog
    [InlineData("blog", "https://janes-kitchen.example.com/")] // a home page, not an article
    [InlineData("blog", "https://user:secret@janes-kitchen.example.com/post")]
    [InlineData("blog", "https://janes-kitchen.example.com:8443/post")]
    [InlineData("blog", "not a url")]
    public void A_url_that_is_not_a_post_of_its_platform_is_refused(string platform, string url) =>
        Assert.Null(PostUrls.Check(url, Platforms.Find(platform)!, out _));

    [Theory]
    [InlineData("youtube", "https://www.youtube.com/shorts/AbCdEfGhIjK", "https://youtu.be/AbCdEfGhIjK", "https://m.youtube.com/watch?feature=share&v=AbCdEfGhIjK")]
    [InlineData("instagram", "https://www.instagram.com/reel/ZyXwVuTsRqP/", "https://instagram.com/reel/ZyXwVuTsRqP", "https://www.instagram.com/reels/ZyXwVuTsRqP/?igsh=abc")]
    [InlineData("tiktok", "https://www.tiktok.com/@calebsilva/video/8857574000408049250", "https://tiktok.com/@calebsilva/video/8857574000408049250/", "https://m.tiktok.com/@calebsilva/video/8857574000408049250?is_from_webapp=1&sender_device=pc")]
    public void One_post_shared_in_different_ways_has_one_canonical_url(string platform, string first, string second, string third)
    {
        var found = Platforms.Find(platform)!;
        var canonical = PostUrls.Check(first, found, out _);
        Assert.NotNull(canonical);
        Assert.Equal(canonical, PostUrls.Check(second, found, out _));
        Assert.Equal(canonical, PostUrls.Check(third, found, out _));
    }

    [Fact]
    public void Each_deliverable_type_is_fulfilled_by_its_formats_only()
    {
        Assert.True(DeliverableFormats.Fulfils(PostFormat.Reel, DeliverableType.Video));
        Assert.True(DeliverableFormats.Fulfils(PostFormat.Carousel, DeliverableType.Post));
        Assert.True(DeliverableFormats.Fulfils(PostFormat.Article, DeliverableType.Blog));
        Assert.False(DeliverableFormats.Fulfils(PostFormat.Story, DeliverableType.Post));
        Assert.False(DeliverableFormats.Fulfils(PostFormat.Live, DeliverableType.Video));
        Assert.All(Enum.GetValues<DeliverableType>(), type => Assert.NotEmpty(DeliverableFormats.Of(type)));
    }

    [Fact]
    public void Platform_names_are_found_ignoring_case_and_every_platform_offers_a_format() =>
        Assert.All(Platforms.All, p => Assert.Same(p, Platforms.Find(p.Name.ToUpperInvariant())));
}
