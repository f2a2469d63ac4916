using AmbassadorNet.Contracts.Creators;
using AmbassadorNet.Contracts.Members;
using AmbassadorNet.TestKit.Waiting;

namespace Audit.Tests;

public sealed class ErasureTests(AuditService service) : IClassFixture<AuditService>
{
    [Fact]
    public async Task Erasing_a_creator_removes_their_personal_data_and_the_chain_still_verifies()
    {
        var brand = Guid.CreateVersion7();
        var (ada, bob) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await service.PublishAsync(Records.CreatorUpdated(brand, ada, "US", "GB", creator: ada));
        await service.PublishAsync(Records.CreatorUpdated(brand, bob, "US", "FR", creator: bob));
        await service.SettledEntriesAsync(brand, 2);
        var adaEntry = (await service.EntriesAsync(brand)).Single(e => e.SubjectId == ada.ToString()).Id;
        var before = await service.ReadAsync(HttpMethod.Get, $"/api/audit/entries/{adaEntry}", brand);

        await service.PublishAsync(new CreatorErased(brand, DateTimeOffset.UtcNow, ada, 9));
        await Eventually.UntilAsync(async _ => await PersonalRowsAsync(brand, ada) == 0, "ada's personal data to be erased");
        await service.PublishAsync(Records.CreatorUpdated(brand, ada, "GB", "IE", creator: ada)); // a late record about her
        await service.SettledEntriesAsync(brand, 3);

        var after = await service.ReadAsync(HttpMethod.Get, $"/api/audit/entries/{adaEntry}", brand);
        var list = (await service.ReadAsync(HttpMethod.Get, "/api/audit/entries", brand)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("US name", before.GetProperty("personal").GetProperty("fields").GetProperty("displayName").GetProperty("before").GetString());
        Assert.Equal("erased", after.GetProperty("personal").GetString());
        Assert.Equal(before.GetProperty("entryHash").GetString(), after.GetProperty("entryHash").GetString());
        Assert.Equal("GB", after.GetProperty("changes").GetProperty("country").GetProperty("after").GetString()); // the rest stays
        Assert.Equal("erased", list[0].GetProperty("personal").GetString()); // the late record kept no personal data either
        Assert.Equal(bob, list.Single(e => e.GetProperty("subject").GetProperty("id").GetString() == bob.ToString()).GetProperty("personal").GetProperty("creatorId").GetGuid());
        Assert.Equal(0, await PersonalRowsAsync(brand, ada));
        Assert.Equal(1, await PersonalRowsAsync(brand, bob));
        var verified = await service.VerifyAsync(brand);
        Assert.True(verified.GetProperty("ok").GetBoolean(), verified.ToString());
        Assert.Equal(3, verified.GetProperty("entries").GetInt64());
    }

    [Fact]
    public async Task Erasing_a_member_removes_their_personal_data_from_entries_before_and_after_and_the_chain_still_verifies()
    {
        var brand = Guid.CreateVersion7();
        var (fay, max) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await service.PublishAsync(Records.MemberRenamed(brand, fay, "Fay", "Fay F."));
        await service.PublishAsync(Records.MemberRenamed(brand, max, "Max", "Max M."));
        await service.SettledEntriesAsync(brand, 2);

        var erasure = new MemberErased(brand, DateTimeOffset.UtcNow, fay);
        await service.PublishAsync(erasure);
        await service.PublishAsync(erasure); // delivered twice: one erasure
        await Eventually.UntilAsync(async _ => await MemberPersonalRowsAsync(brand, fay) == 0, "fay's personal data to be erased");
        await service.PublishAsync(Records.MemberRenamed(brand, fay, "Fay F.", "Erased member")); // the erasure's own record, arriving late
        await service.SettledEntriesAsync(brand, 3);

        var list = (await service.ReadAsync(HttpMethod.Get, "/api/audit/entries", brand)).GetProperty("items").EnumerateArray().ToList();
        Assert.All(list.Where(e => e.GetProperty("subject").GetProperty("id").GetString() == fay.ToString()),
            e => Assert.Equal("erased", e.GetProperty("personal").GetString()));
        Assert.Equal(max, list.Single(e => e.GetProperty("subject").GetProperty("id").GetString() == max.ToString()).GetProperty("personal").GetProperty("memberId").GetGuid());
        Assert.Equal(1, await MemberPersonalRowsAsync(brand, max));
        Assert.Equal(1L, await service.ScalarAsync<long>(
            "SELECT count(*) FROM audit_erasures WHERE brand_id = @b AND subject_kind = 'member' AND subject_id = @m", ("b", brand), ("m", fay)));
        var verified = await service.VerifyAsync(brand);
        Assert.True(verified.GetProperty("ok").GetBoolean(), verified.ToString());
        Assert.Equal(3, verified.GetProperty("entries").GetInt64());
    }

    private Task<long> MemberPersonalRowsAsync(Guid brand, Guid member) =>
        service.ScalarAsync<long>("SELECT count(*) FROM audit_personal WHERE brand_id = @b AND member_id = @m", ("b", brand), ("m", member));

    private Task<long> PersonalRowsAsync(Guid brand, Guid creator) =>
        service.ScalarAsync<long>("SELECT count(*) FROM audit_personal WHERE brand_id = @b AND creator_id = @c", ("b", brand), ("c", creator));
}
