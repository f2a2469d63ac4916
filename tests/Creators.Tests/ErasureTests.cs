using System.Net;
using System.Text.Json;

namespace Creators.Tests;

public sealed class ErasureTests(CreatorsService service) : IClassFixture<CreatorsService>
{
    [Fact]
    public async Task Erasure_scrubs_personal_data_keeps_ids_and_figures_and_frees_the_email()
    {
        var brand = Guid.CreateVersion7();
        var id = await service.ApplyAsync(brand, Applicants.Creator(40, followers: 30_000));
        await service.ReadAsync(HttpMethod.Put, $"/api/creators/{id}/payout-profile", brand, new { method = "paypal", currency = "USD", payeeReference = "pp-erase-me" });

        var erased = await service.ReadAsync(HttpMethod.Post, $"/api/creators/{id}/erase", brand);
        var update = await service.SendAsync(HttpMethod.Patch, $"/api/creators/{id}", brand, new { displayName = "Back" });
        var again = await service.SendAsync(HttpMethod.Post, "/api/creators", brand, Applicants.Creator(40));
        var text = erased.ToString();

        Assert.Equal(id, erased.GetProperty("id").GetGuid());
        Assert.Equal("Erased creator", erased.GetProperty("displayName").GetString());
        Assert.Equal(JsonValueKind.Null, erased.GetProperty("email").ValueKind);
        Assert.Equal("offboarded", erased.GetProperty("status").GetString());
        Assert.Equal(30_000, erased.GetProperty("followers").GetInt64());
        Assert.DoesNotContain("creator40", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("creator_40", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("pp-erase-me", text);
        Assert.Equal(HttpStatusCode.Conflict, update.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task Erased_data_is_gone_from_the_database_rows_and_the_erase_event_carries_no_personal_data()
    {
        var brand = Guid.CreateVersion7();
        var id = await service.ApplyAsync(brand, Applicants.Creator(41));

        await service.ReadAsync(HttpMethod.Post, $"/api/creators/{id}/erase", brand);
        await using var connection = service.Database.OpenConnection();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT c.display_name, coalesce(c.email, ''), string_agg(a.handle || ' ' || coalesce(a.url, ''), ' ') FROM creators c JOIN social_accounts a ON a.creator_id = c.id WHERE c.id = $1 GROUP BY c.id", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        await reader.ReadAsync(TestContext.Current.CancellationToken);
        var row = $"{reader.GetString(0)} {reader.GetString(1)} {reader.GetString(2)}";
        var erasedEvent = (await service.EventsAsync(brand)).Last();

        Assert.DoesNotContain("creator41", row, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("creator_41", row, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("CreatorErased", erasedEvent.MessageType.Split(',')[0]);
        Assert.DoesNotContain("creator41", erasedEvent.Body, StringComparison.OrdinalIgnoreCase);
    }
}
