using System.Text.Json;
using AmbassadorNet.TestKit.Waiting;

namespace Tracking.Tests;

/// <summary>
/// Five clicks of one brand on two creators' links, one at a time in two batches: a repeat visitor on Jane's link (a
/// duplicate; the same visitor on Bob's link is not one) and a link preview (a HEAD: a bot) among them;
/// and one click of another brand. With the ClicksCounted events that counted them.
/// </summary>
/// <param name="Visits">The brand's clicks, oldest first, each with the link it was on.</param>
public sealed record ClickScene(
    Enrollment Jane, Enrollment Bob, Enrollment Stranger, IReadOnlyList<(Guid Click, Guid LinkId)> Visits, Guid StrangerClick,
    IReadOnlyList<JsonElement> Counted, JsonElement StrangerCounted)
{
    public const string RepeatVisitor = "198.51.100.1";

    public Guid Brand => Jane.Brand;

    /// <summary>The brand's clicks, oldest first.</summary>
    public IEnumerable<Guid> Clicks => Visits.Select(v => v.Click);

    /// <summary>The clicks on <paramref name="e"/>'s link, oldest first.</summary>
    public IEnumerable<Guid> ClicksOf(Enrollment e) => Visits.Where(v => v.LinkId == e.LinkId).Select(v => v.Click);

    public static async Task<ClickScene> PlayAsync(TrackingService service)
    {
        var brand = Guid.CreateVersion7();
        var jane = await service.EnrollAsync(brand, handle: "@jane");
        var bob = await service.EnrollAsync(brand, jane.CampaignId, handle: "@bob");
        var stranger = await service.EnrollAsync(Guid.CreateVersion7(), handle: "@stranger");
        var visits = new List<(Guid, Guid)>();
        async Task VisitAsync(params (Enrollment Who, string Ip, HttpMethod Method)[] round)
        {
            foreach (var (who, ip, method) in round)
            {
                visits.Add((await service.VisitAsync(who.Link, ip, method), who.LinkId));
            }
        }

        // The first round is counted before the second starts: at least two batches, so a batch id must select.
        await VisitAsync((jane, RepeatVisitor, HttpMethod.Get), (bob, RepeatVisitor, HttpMethod.Get), (jane, RepeatVisitor, HttpMethod.Get));
        await CountedAsync(service, brand, visits.Count);
        await VisitAsync((bob, "198.51.100.2", HttpMethod.Get), (jane, "198.51.100.3", HttpMethod.Head));
        var strangerClick = await service.VisitAsync(stranger.Link, "198.51.100.4"); // likely in the same write, under its own batch id
        var counted = await CountedAsync(service, brand, visits.Count);
        var strangerCounted = Assert.Single(await CountedAsync(service, stranger.Brand, 1));
        return new ClickScene(jane, bob, stranger, visits, strangerClick, counted, strangerCounted);
    }

    /// <summary>The brand's ClicksCounted event bodies once they count <paramref name="clicks"/> clicks.</summary>
    private static Task<List<JsonElement>> CountedAsync(TrackingService service, Guid brand, int clicks) =>
        Eventually.UntilAsync(
            _ => service.EventsAsync(brand, "ClicksCounted"), events => ClickTally.OfEvents(events).Sum(t => t.Clicks) == clicks, $"{clicks} clicks counted for {brand}");
}
