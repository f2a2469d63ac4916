using Npgsql;

namespace AmbassadorNet.Persistence.Schema;

/// <summary>The tables of one PostgreSQL schema as pg_catalog describes them.</summary>
internal sealed record DatabaseSchema(IReadOnlyDictionary<string, DatabaseTable> Tables)
{
    public static async Task<DatabaseSchema> ReadAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        var tables = new Dictionary<string, DatabaseTable>(StringComparer.Ordinal);
        DatabaseTable Table(string name) =>
            tables.TryGetValue(name, out var table) ? table : tables[name] = new DatabaseTable(name);

        await foreach (var row in QueryAsync(connection, ColumnsSql, schema, cancellationToken))
        {
            Table(row.GetString(0)).Columns[row.GetString(1)] = new DatabaseColumn(row.GetString(2), !row.GetBoolean(3));
        }

        await foreach (var row in QueryAsync(connection, KeysSql, schema, cancellationToken))
        {
            var table = Table(row.GetString(0));
            var columns = string.Join(",", row.GetFieldValue<string[]>(2));
            switch (row.GetChar(1))
            {
                case 'p': table.PrimaryKey = columns; break;
                case 'u': table.UniqueColumnSets.Add(columns); break;
                case 'f': table.ForeignKeys.Add($"({columns}) -> {row.GetString(3)}"); break;
            }
        }

        await foreach (var row in QueryAsync(connection, IndexesSql, schema, cancellationToken))
        {
            var table = Table(row.GetString(0));
            var columns = string.Join(",", row.GetFieldValue<string[]>(2));
            (row.GetBoolean(1) ? table.UniqueColumnSets : table.IndexColumnSets).Add(columns);
        }

        return new DatabaseSchema(tables);
    }

    private static async IAsyncEnumerable<NpgsqlDataReader> QueryAsync(
        NpgsqlConnection connection, string sql, string schema,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return reader;
        }
    }

    private const string ColumnsSql = """
        SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        """;

    // Primary keys, unique constraints and foreign keys, with their columns in key order.
    private const string KeysSql = """
        SELECT c.relname, k.contype,
               ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY AS u(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.ord),
               COALESCE(f.relname, '')
        FROM pg_constraint k
        JOIN pg_class c ON c.oid = k.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class f ON f.oid = k.confrelid
        WHERE n.nspname = $1 AND k.contype IN ('p', 'u', 'f')
        """;

    // Indexes that no constraint owns (those are covered above).
    private const string IndexesSql = """
        SELECT c.relname, i.indisunique,
               ARRAY(SELECT COALESCE(a.attname, '(expression)') FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS u(attnum, ord)
                     LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = u.attnum ORDER BY u.ord)
        FROM pg_index i
        JOIN pg_class c ON c.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
        """;
}

internal sealed class DatabaseTable(string name)
{
    public string Name { get; } = name;

    public Dictionary<string, DatabaseColumn> Columns { get; } = new(StringComparer.Ordinal);

    public string? PrimaryKey { get; set; }

    public HashSet<string> UniqueColumnSets { get; } = [];

    public HashSet<string> IndexColumnSets { get; } = [];

    public HashSet<string> ForeignKeys { get; } = [];
}

internal sealed record DatabaseColumn(string StoreType, bool IsNullable);
