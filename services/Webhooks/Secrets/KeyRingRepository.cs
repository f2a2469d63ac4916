using System.Xml.Linq;
using AmbassadorNet.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace AmbassadorNet.Webhooks.Secrets;

/// <summary>
/// The Data Protection key ring in the webhooks database (table data_protection_keys), so every
/// replica and every restart uses the same keys. Each key's secret part is sealed
/// (<see cref="KeyRingEncryptor"/>), so the table alone decrypts nothing.
/// </summary>
public sealed class KeyRingRepository(IOptions<DatabaseOptions> database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => [.. ReadAll().Select(row => row.Xml)];

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES ($1, $2, now())", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = friendlyName });
        command.Parameters.Add(new NpgsqlParameter { Value = element.ToString(SaveOptions.DisableFormatting) });
        command.ExecuteNonQuery();
    }

    public IReadOnlyList<(long Id, XElement Xml)> ReadAll()
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("SELECT id, xml FROM data_protection_keys ORDER BY id", connection);
        using var reader = command.ExecuteReader();
        var rows = new List<(long, XElement)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), XElement.Parse(reader.GetString(1))));
        }

        return rows;
    }

    public async Task ReplaceAsync(long id, XElement element, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("UPDATE data_protection_keys SET xml = $2 WHERE id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = element.ToString(SaveOptions.DisableFormatting) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(database.Value.ConnectionString);
        connection.Open();
        return connection;
    }
}
