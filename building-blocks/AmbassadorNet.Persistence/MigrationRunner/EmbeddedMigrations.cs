using System.Reflection;

namespace AmbassadorNet.Persistence.MigrationRunner;

/// <summary>Reads the scripts a service embeds from its Migrations/ folder (see Directory.Build.targets).</summary>
public static class EmbeddedMigrations
{
    private const string Prefix = "migrations/";

    /// <param name="module">Null for a service's own scripts; a name for scripts a building block shares.</param>
    public static IReadOnlyList<SqlMigration> From(Assembly assembly, string? module = null)
    {
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => SqlMigration.FromFile(name[Prefix.Length..], Read(assembly, name), module))
            .OrderBy(migration => long.Parse(migration.Version, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two migrations in {assembly.GetName().Name} share version {duplicate.Key}.");
        }

        return migrations;
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
