using System.Security.Cryptography;
using System.Text;

namespace AmbassadorNet.Persistence.MigrationRunner;

/// <summary>One versioned schema script, such as <c>0003_add_tier_history.sql</c>.</summary>
public sealed record SqlMigration(string Version, string Description, string Sql)
{
    /// <summary>SHA-256 of the script with line endings normalised, so a checkout on Windows doesn't look edited.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>Parses a file name of the form <c>{version}_{description}.sql</c>.</summary>
    public static SqlMigration FromFile(string fileName, string sql)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var separator = stem.IndexOf('_');
        if (separator <= 0 || !stem[..separator].All(char.IsAsciiDigit))
        {
            throw new FormatException($"Migration '{fileName}' must be named '<digits>_<description>.sql'.");
        }

        return new SqlMigration(stem[..separator], stem[(separator + 1)..].Replace('_', ' '), sql);
    }
}
