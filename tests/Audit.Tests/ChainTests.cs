using AmbassadorNet.Audit.Domain;

namespace Audit.Tests;

/// <summary>Appending: order, duplicates, brands, and the hashes that link entries.</summary>
public sealed class ChainTests(AuditService service) : IClassFixture<AuditService>
{
    [Fact]
    public async Task Entries_are_appended_in_order_each_linked_to_the_one_before_and_a_duplicate_appends_nothing()
    {
        var brand = Guid.CreateVersion7();
        var first = Records.Created(brand, 2);
        var messageId = Guid.NewGuid();

        await service.PublishAsync(first, messageId);
        await service.PublishAsync(first, messageId); // the same message again
        await service.SettledEntriesAsync(brand, 2);
        await service.PublishAsync(Records.CreatorUpdated(brand, Guid.CreateVersion7(), "US", "GB"));
        var entries = await service.SettledEntriesAsync(brand, 3);

        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Seq));
        Assert.Equal(first.Changes.Select(c => c.SubjectId), entries.Take(2).Select(e => e.SubjectId));
        Assert.All(entries.Take(2), e => Assert.Equal(messageId, e.MessageId));
        Assert.Equal(EntryHashing.Genesis, entries[0].PrevHash);
        Assert.Equal(entries[0].EntryHash, entries[1].PrevHash);
        Assert.Equal(entries[1].EntryHash, entries[2].PrevHash);
        Assert.All(entries, e => Assert.Equal(EntryHashing.EntryHash(e.PrevHash, e), e.EntryHash));
        var verified = await service.VerifyAsync(brand);
        Assert.True(verified.GetProperty("ok").GetBoolean(), verified.ToString());
        Assert.Equal(3, verified.GetProperty("entries").GetInt64());
        Assert.Equal(EntryHashing.Hex(entries[2].EntryHash), verified.GetProperty("headHash").GetString());
    }

    [Fact]
    public async Task Two_brands_have_separate_chains()
    {
        var (one, two) = (Guid.CreateVersion7(), Guid.CreateVersion7());

        await service.PublishAsync(Records.Created(one, 2));
        await service.PublishAsync(Records.Created(two, 1));
        var ones = await service.SettledEntriesAsync(one, 2);
        var twos = await service.SettledEntriesAsync(two, 1);

        Assert.Equal([1L, 2L], ones.Select(e => e.Seq));
        Assert.Equal(1L, Assert.Single(twos).Seq);
        Assert.Equal(EntryHashing.Genesis, twos[0].PrevHash);
        Assert.True((await service.VerifyAsync(one)).GetProperty("ok").GetBoolean());
        Assert.True((await service.VerifyAsync(two)).GetProperty("ok").GetBoolean());
        Assert.Equal(2, (await service.ReadAsync(HttpMethod.Get, "/api/audit/entries", one)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Concurrent_appends_of_one_brand_get_consecutive_seqs_and_the_chain_verifies()
    {
        var brand = Guid.CreateVersion7();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => service.PublishAsync(Records.CreatorUpdated(brand, Guid.CreateVersion7(), "US", $"G{i % 10}"))));
        var entries = await service.SettledEntriesAsync(brand, 20);

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), entries.Select(e => e.Seq));
        Assert.True((await service.VerifyAsync(brand)).GetProperty("ok").GetBoolean());
    }
}
