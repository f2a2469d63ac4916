namespace Creators.Tests;

public sealed class PaginationUnderInsertsTests(CreatorsService service) : IClassFixture<CreatorsService>
{
    [Fact]
    public async Task Walking_the_newest_list_while_creators_apply_sees_every_earlier_creator_once()
    {
        var brand = Guid.CreateVersion7();
        var earlier = new List<Guid>();
        for (var i = 0; i < 25; i++)
        {
            earlier.Add(await service.ApplyAsync(brand, Applicants.Creator(100 + i)));
        }

        var seen = new List<Guid>();
        string? cursor = null;
        var n = 200;
        do
        {
            var page = await service.ReadAsync(HttpMethod.Get, $"/api/creators?sort=newest&limit=4{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}", brand);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
            await service.ApplyAsync(brand, Applicants.Creator(n++)); // arrives at the head, behind the reader
        }
        while (cursor is not null);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(earlier.AsEnumerable().Reverse(), seen);
    }
}
