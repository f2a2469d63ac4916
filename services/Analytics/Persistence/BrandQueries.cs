using System.Data.Common;
using Npgsql;

namespace AmbassadorNet.Analytics.Persistence;

/// <summary>Raw SQL reads of the read models, always bound to the caller's brand as <c>@brand</c>.</summary>
internal static class BrandQueries
{
    public static async Task<List<T>> QueryBrandAsync<T>(
        this AnalyticsDbContext db, string sql, NpgsqlParameter[] parameters, Func<DbDataReader, T> read, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new NpgsqlParameter("brand", db.CurrentBrandId)); // every query is the caller's brand only
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
