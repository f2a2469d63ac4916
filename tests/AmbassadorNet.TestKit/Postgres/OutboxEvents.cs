using System.Text.Json;
using Npgsql;

namespace AmbassadorNet.TestKit.Postgres;

/// <summary>What a service wrote into its outbox, read straight from its database.</summary>
public static class OutboxEvents
{
    /// <summary>The bodies of the brand's outbox events of one type (the contract's name, "MemberErased"), oldest first.</summary>
    public static async Task<List<JsonElement>> OfTypeAsync(string connectionString, Guid brand, string type)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT body::text FROM outbox_messages WHERE brand_id = @b AND message_type LIKE @t ORDER BY created_at, id", connection);
        command.Parameters.AddWithValue("b", brand);
        command.Parameters.AddWithValue("t", $"%.{type}, %");
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<JsonElement>();
        while (await reader.ReadAsync())
        {
            events.Add(JsonDocument.Parse(reader.GetString(0)).RootElement.Clone());
        }

        return events;
    }
}
