using AmbassadorNet.TestKit.Waiting;
using Npgsql;

namespace Tracking.Tests;

public sealed class ClickFlagTests(TrackingService service) : IClassFixture<TrackingService>
{
    [Fact]
    public async Task Clicks_record_a_keyed_ip_hash_and_flag_bots_and_repeat_visitors()
    {
        var (brand, campaign, enrollment) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await service.PublishAsync(Events.Launched(brand, campaign));
        await service.PublishAsync(Events.Enrolled(brand, campaign, enrollment));
        var code = (await service.CodesOfAsync(brand, enrollment)).Link;

        await service.VisitAsync(code, "203.0.113.5", HttpMethod.Get, "Mozilla/5.0 first", "https://www.instagram.com/p/xyz");
        await service.VisitAsync(code, "203.0.113.5", HttpMethod.Get, "Mozilla/5.0 again");
        await service.VisitAsync(code, "203.0.113.6", HttpMethod.Get, "Mozilla/5.0 neighbour");
        await service.VisitAsync(code, "203.0.113.7", HttpMethod.Get, "facebookexternalhit/1.1");
        await service.VisitAsync(code, "203.0.113.8", HttpMethod.Get, "curl/8.5.0");
        await service.VisitAsync(code, "203.0.113.9", HttpMethod.Head, "Mozilla/5.0 head");
        await Eventually.UntilAsync(async _ => await service.ScalarAsync<long>("SELECT count(*) FROM clicks WHERE brand_id = @b", ("b", brand)) == 6, "six clicks");
        var clicks = await ReadClicksAsync(brand);

        Assert.Equal((false, false, "www.instagram.com"), (clicks["Mozilla/5.0 first"].Bot, clicks["Mozilla/5.0 first"].Duplicate, clicks["Mozilla/5.0 first"].Referrer));
        Assert.True(clicks["Mozilla/5.0 again"].Duplicate);
        Assert.False(clicks["Mozilla/5.0 neighbour"].Duplicate);
        Assert.All(new[] { "facebookexternalhit/1.1", "curl/8.5.0", "Mozilla/5.0 head" }, ua => Assert.True(clicks[ua].Bot, ua));
        Assert.Equal(ClickVisits.IpHashOf("203.0.113.5"), clicks["Mozilla/5.0 first"].IpHash);
        Assert.Equal(clicks["Mozilla/5.0 first"].IpHash, clicks["Mozilla/5.0 again"].IpHash);
    }

    private async Task<Dictionary<string, (bool Bot, bool Duplicate, string? Referrer, string IpHash)>> ReadClicksAsync(Guid brand)
    {
        await using var connection = new NpgsqlConnection(service.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT user_agent, is_bot, is_duplicate, referrer_host, ip_hash FROM clicks WHERE brand_id = @b", connection);
        command.Parameters.AddWithValue("b", brand);
        await using var reader = await command.ExecuteReaderAsync();
        var clicks = new Dictionary<string, (bool, bool, string?, string)>();
        while (await reader.ReadAsync())
        {
            clicks[reader.GetString(0)] = (reader.GetBoolean(1), reader.GetBoolean(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4));
        }

        return clicks;
    }
}
