using System.Text.Json;

namespace Tracking.Tests;

/// <summary>
/// One link's clicks on one UTC day: as a ClicksCounted count states them, or tallied here from the rows
/// GET /api/clicks lists, so the two can be compared field by field.
/// </summary>
public sealed record ClickTally(
    Guid LinkId, Guid EnrollmentId, Guid CampaignId, Guid CreatorId, Guid? PostId, DateOnly Day,
    int Clicks, int Unique, int Bots, int Duplicates, int Attributable, DateTimeOffset First, DateTimeOffset Last)
{
    /// <summary>The counts of ClicksCounted event bodies, ordered by link and day.</summary>
    public static List<ClickTally> OfEvents(IEnumerable<JsonElement> events) =>
        Ordered(events.SelectMany(e => e.GetProperty("counts").EnumerateArray()).Select(c => new ClickTally(
            Id(c, "linkId"), Id(c, "enrollmentId"), Id(c, "campaignId"), Id(c, "creatorId"), PostOf(c), DateOnly.Parse(c.GetProperty("day").GetString()!),
            Int(c, "clicks"), Int(c, "uniqueClicks"), Int(c, "botClicks"), Int(c, "duplicateClicks"), Int(c, "attributableClicks"),
            Time(c, "firstClickedAt"), Time(c, "lastClickedAt"))));

    /// <summary>Listed clicks tallied per link and UTC day (unique: neither bot nor duplicate), ordered by link and day.</summary>
    public static List<ClickTally> OfRows(IEnumerable<JsonElement> rows) =>
        Ordered(rows.GroupBy(r => (Link: Id(r, "linkId"), Day: DateOnly.FromDateTime(Time(r, "clickedAt").UtcDateTime))).Select(g =>
        {
            var first = g.First();
            return new ClickTally(
                g.Key.Link, Id(first, "enrollmentId"), Id(first, "campaignId"), Id(first, "creatorId"), PostOf(first), g.Key.Day,
                g.Count(), g.Count(r => !Flag(r, "isBot") && !Flag(r, "isDuplicate")), g.Count(r => Flag(r, "isBot")), g.Count(r => Flag(r, "isDuplicate")),
                g.Count(r => Flag(r, "isAttributable")), g.Min(r => Time(r, "clickedAt")), g.Max(r => Time(r, "clickedAt")));
        }));

    /// <summary>Clicks, unique, bot, duplicate and attributable clicks of one link over all its tallies.</summary>
    public static (int Clicks, int Unique, int Bots, int Duplicates, int Attributable) TotalOf(IEnumerable<ClickTally> tallies, Guid linkId)
    {
        var own = tallies.Where(t => t.LinkId == linkId).ToList();
        return (own.Sum(t => t.Clicks), own.Sum(t => t.Unique), own.Sum(t => t.Bots), own.Sum(t => t.Duplicates), own.Sum(t => t.Attributable));
    }

    private static List<ClickTally> Ordered(IEnumerable<ClickTally> tallies) => [.. tallies.OrderBy(t => t.LinkId).ThenBy(t => t.Day)];

    private static Guid Id(JsonElement e, string name) => e.GetProperty(name).GetGuid();

    private static Guid? PostOf(JsonElement e) => e.GetProperty("postId").ValueKind == JsonValueKind.Null ? null : e.GetProperty("postId").GetGuid();

    private static int Int(JsonElement e, string name) => e.GetProperty(name).GetInt32();

    private static bool Flag(JsonElement e, string name) => e.GetProperty(name).GetBoolean();

    private static DateTimeOffset Time(JsonElement e, string name) => e.GetProperty(name).GetDateTimeOffset();
}
