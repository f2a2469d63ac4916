using AmbassadorNet.Persistence.MigrationRunner;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace AmbassadorNet.Persistence.Schema;

/// <summary>
/// Compares the EF Core model of a context (<c>GetRelationalModel()</c>) with what the SQL
/// migrations actually built, read from pg_catalog. The SQL scripts are the source of truth for the
/// database and the model is the source of truth for the code; a test per service runs this so the
/// two cannot drift apart unnoticed.
/// </summary>
public static class SchemaComparer
{
    public static async Task<IReadOnlyList<SchemaDrift>> FindDriftAsync(DbContext context, CancellationToken cancellationToken = default)
    {
        var model = context.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var schema = model.Tables.Select(t => t.Schema).FirstOrDefault(s => s is not null) ?? "public";

        await using var connection = new NpgsqlConnection(context.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        var database = await DatabaseSchema.ReadAsync(connection, schema, cancellationToken);

        var drift = new List<SchemaDrift>();
        foreach (var table in model.Tables)
        {
            if (database.Tables.TryGetValue(table.Name, out var actual))
            {
                CompareTable(table, actual, drift);
            }
            else
            {
                drift.Add(new SchemaDrift(table.Name, "table is in the model but not in the database"));
            }
        }

        var modelled = model.Tables.Select(t => t.Name).ToHashSet();
        drift.AddRange(database.Tables.Keys
            .Where(name => !modelled.Contains(name) && name != SchemaMigrator.HistoryTable)
            .Select(name => new SchemaDrift(name, "table is in the database but not in the model")));
        return drift;
    }

    private static void CompareTable(ITable table, DatabaseTable actual, List<SchemaDrift> drift)
    {
        foreach (var column in table.Columns)
        {
            if (!actual.Columns.TryGetValue(column.Name, out var found))
            {
                drift.Add(new SchemaDrift(table.Name, $"column {column.Name} is missing"));
                continue;
            }

            if (StoreTypes.Normalize(column.StoreType) != StoreTypes.Normalize(found.StoreType))
            {
                drift.Add(new SchemaDrift(table.Name, $"column {column.Name} is {found.StoreType}, the model says {column.StoreType}"));
            }

            if (column.IsNullable != found.IsNullable)
            {
                drift.Add(new SchemaDrift(table.Name,
                    $"column {column.Name} is {(found.IsNullable ? "nullable" : "not null")}, the model says {(column.IsNullable ? "nullable" : "not null")}"));
            }
        }

        var modelColumns = table.Columns.Select(c => c.Name).ToHashSet();
        drift.AddRange(actual.Columns.Keys.Where(name => !modelColumns.Contains(name))
            .Select(name => new SchemaDrift(table.Name, $"column {name} is in the database but not in the model")));

        var primaryKey = table.PrimaryKey is null ? null : Columns(table.PrimaryKey.Columns);
        if (primaryKey != actual.PrimaryKey)
        {
            drift.Add(new SchemaDrift(table.Name, $"primary key is ({actual.PrimaryKey}), the model says ({primaryKey})"));
        }

        var unique = table.UniqueConstraints.Where(u => !u.GetIsPrimaryKey()).Select(u => Columns(u.Columns))
            .Concat(table.Indexes.Where(i => i.IsUnique).Select(i => Columns(i.Columns)));
        CompareSets(table.Name, "unique key", unique, actual.UniqueColumnSets, drift);
        CompareSets(table.Name, "index", table.Indexes.Where(i => !i.IsUnique).Select(i => Columns(i.Columns)), actual.IndexColumnSets, drift);
        CompareSets(table.Name, "foreign key",
            table.ForeignKeyConstraints.Select(f => $"({Columns(f.Columns)}) -> {f.PrincipalTable.Name}"), actual.ForeignKeys, drift);
    }

    private static void CompareSets(string table, string kind, IEnumerable<string> expected, IReadOnlySet<string> actual, List<SchemaDrift> drift)
    {
        var wanted = expected.ToHashSet();
        drift.AddRange(wanted.Where(e => !actual.Contains(e)).Select(e => new SchemaDrift(table, $"{kind} ({e}) is missing")));
        drift.AddRange(actual.Where(a => !wanted.Contains(a)).Select(a => new SchemaDrift(table, $"{kind} ({a}) is in the database but not in the model")));
    }

    private static string Columns(IEnumerable<IColumn> columns) => string.Join(",", columns.Select(c => c.Name));
}
