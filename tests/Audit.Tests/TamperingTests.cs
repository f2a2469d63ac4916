using System.Net;
using System.Net.Http.Json;
using AmbassadorNet.Audit.Domain;
using Npgsql;

namespace Audit.Tests;

/// <summary>What an insider with the database's superuser can do to the trail, and what verification says.</summary>
public sealed class TamperingTests(AuditService service) : IClassFixture<AuditService>
{
    [Fact]
    public async Task The_database_refuses_to_change_or_delete_an_entry()
    {
        var brand = Guid.CreateVersion7();
        await service.PublishAsync(Records.Created(brand, 1));
        await service.SettledEntriesAsync(brand, 1);

        var update = await Assert.ThrowsAsync<PostgresException>(() => service.ExecuteAsync("UPDATE audit_entries SET action = 'x' WHERE brand_id = @b", ("b", brand)));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => service.ExecuteAsync("DELETE FROM audit_entries WHERE brand_id = @b", ("b", brand)));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, update.SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, delete.SqlState);
        Assert.Equal("CreateCampaign", Assert.Single(await service.EntriesAsync(brand)).Action);
    }

    [Fact]
    public async Task An_edited_row_is_named_by_its_seq()
    {
        var brand = Guid.CreateVersion7();
        await service.PublishAsync(Records.Created(brand, 3));
        await service.SettledEntriesAsync(brand, 3);

        await service.TamperAsync("""UPDATE audit_entries SET changes = jsonb_set(changes, '{name,after}', '"Someone else"') WHERE brand_id = @b AND seq = 2""", ("b", brand));
        var verified = await service.VerifyAsync(brand);

        Assert.False(verified.GetProperty("ok").GetBoolean());
        Assert.Equal(2, verified.GetProperty("brokenSeq").GetInt64());
        Assert.Contains("entry_hash", verified.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_row_is_named_by_its_seq()
    {
        var brand = Guid.CreateVersion7();
        await service.PublishAsync(Records.Created(brand, 3));
        await service.SettledEntriesAsync(brand, 3);

        await service.TamperAsync("DELETE FROM audit_entries WHERE brand_id = @b AND seq = 2", ("b", brand));
        var verified = await service.VerifyAsync(brand);

        Assert.False(verified.GetProperty("ok").GetBoolean());
        Assert.Equal(2, verified.GetProperty("brokenSeq").GetInt64());
        Assert.Contains("missing", verified.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recomputed_chain_passes_its_own_anchors_but_not_the_ones_published_before()
    {
        var brand = Guid.CreateVersion7();
        await service.PublishAsync(Records.Created(brand, 2));
        await service.SettledEntriesAsync(brand, 2);
        await service.AnchoredAtAsync(brand, 2);
        await service.PublishAsync(Records.Created(brand, 2));
        await service.SettledEntriesAsync(brand, 4);
        var published = await service.AnchoredAtAsync(brand, 4); // what a subscriber kept: anchors at 2 and 4

        // The insider changes entry 2, recomputes every hash from there, and rewrites the stored anchors to match.
        var entries = await service.EntriesAsync(brand);
        entries[1].Changes = entries[1].Changes.Replace("Campaign 2", "Campaign of a friend", StringComparison.Ordinal);
        for (var i = 1; i < entries.Count; i++)
        {
            entries[i].PrevHash = entries[i - 1].EntryHash;
            entries[i].EntryHash = EntryHashing.EntryHash(entries[i].PrevHash, entries[i]);
            await service.TamperAsync("UPDATE audit_entries SET changes = @c::jsonb, prev_hash = @p, entry_hash = @h WHERE brand_id = @b AND seq = @s",
                ("c", entries[i].Changes), ("p", entries[i].PrevHash), ("h", entries[i].EntryHash), ("b", brand), ("s", entries[i].Seq));
            await service.TamperAsync("UPDATE audit_anchors SET entry_hash = @h WHERE brand_id = @b AND seq = @s", ("h", entries[i].EntryHash), ("b", brand), ("s", entries[i].Seq));
        }

        var own = await service.VerifyAsync(brand);
        var against = await service.SendAsync(HttpMethod.Post, "/api/audit/verify", brand,
            new { anchors = published.Select(a => new { seq = a.Seq, entryHash = a.EntryHash }) });
        var answer = await against.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        Assert.True(own.GetProperty("ok").GetBoolean(), own.ToString());
        Assert.Equal(HttpStatusCode.OK, against.StatusCode);
        Assert.False(answer.GetProperty("ok").GetBoolean());
        Assert.Equal(2, answer.GetProperty("brokenSeq").GetInt64());
        Assert.Contains("anchored", answer.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_anchors_published_verify_an_untouched_chain()
    {
        var brand = Guid.CreateVersion7();
        await service.PublishAsync(Records.Created(brand, 3));
        await service.SettledEntriesAsync(brand, 3);
        var published = await service.AnchoredAtAsync(brand, 3);

        var answer = await service.ReadAsync(HttpMethod.Post, "/api/audit/verify", brand,
            new { anchors = published.Select(a => new { seq = a.Seq, entryHash = a.EntryHash.ToUpperInvariant() }) });

        Assert.True(answer.GetProperty("ok").GetBoolean(), answer.ToString());
        Assert.Equal(published.Count, answer.GetProperty("anchorsChecked").GetInt32());
    }
}
