using AmbassadorNet.Audit.Domain;
using AmbassadorNet.TestKit.Waiting;

namespace Audit.Tests;

public sealed class AnchorTests(AuditService service) : IClassFixture<AuditService>
{
    [Fact]
    public async Task A_moved_head_is_anchored_once_published_logged_and_listed()
    {
        var brand = Guid.CreateVersion7();
        await service.PublishAsync(Records.Created(brand, 2));
        var entries = await service.SettledEntriesAsync(brand, 2);
        await service.AnchoredAtAsync(brand, 2);

        // The settle window spans several intervals without a new entry: no new anchor in it.
        var settled = await Eventually.SettledAsync(async _ => (await service.PublishedAnchorsAsync(brand)).Count, "anchors to stop", service.Idle);
        var anchors = await service.PublishedAnchorsAsync(brand);
        var listed = (await service.ReadAsync(HttpMethod.Get, "/api/audit/anchors", brand)).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(1, settled);
        var anchor = Assert.Single(anchors);
        Assert.Equal((brand, 2L, EntryHashing.Hex(entries[1].EntryHash)), (anchor.BrandId, anchor.Seq, anchor.EntryHash));
        Assert.Equal((2L, anchor.EntryHash), (Assert.Single(listed).GetProperty("seq").GetInt64(), listed[0].GetProperty("entryHash").GetString()));
        Assert.Contains(AuditService.Logs, line => line.StartsWith("Information", StringComparison.Ordinal)
            && line.Contains($"Audit chain of brand {brand} anchored at seq 2: {anchor.EntryHash}", StringComparison.Ordinal));

        await service.PublishAsync(Records.Created(brand, 1));
        await service.SettledEntriesAsync(brand, 3);
        var again = await service.AnchoredAtAsync(brand, 3);

        Assert.Equal([2L, 3L], again.Select(a => a.Seq));
    }
}
