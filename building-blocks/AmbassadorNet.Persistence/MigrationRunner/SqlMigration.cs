using System.Security.Cryptography;
using System.Text;

namespace AmbassadorNet.Persistence.MigrationRunner;

/// <summary>
/// One versioned schema script, such as <c>0003_add_tier_history.sql</c>. Scripts shared by every
/// service (the outbox and inbox tables) belong to a module, so their versions never collide with the
/// service's own: they are recorded as <c>messaging/0001</c>.
/// </summary>
public sealed record SqlMigration(string Version, string Description, string Sql, string? Module = null)
{
    /// <summary>The identity recorded in the history table.</summary>
    public string Key => Module is null ? Version : $"{Module}/{Version}";

    /// <summary>SHA-256 of the script with line endings normalised, so a checkout on Windows doesn't look edited.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>Parses a file name of the form <c>{version}_{description}.sql</c>.</summary>
    public static SqlMigration FromFile(string fileName, string sql, string? module = null)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var separator = stem.IndexOf('_');
        if (separator <= 0 || !stem[..separator].All(char.IsAsciiDigit))
        {
            throw new FormatException($"Migration '{fileName}' must be named '<digits>_<description>.sql'.");
        }

        return new SqlMigration(stem[..separator], stem[(separator + 1)..].Replace('_', ' '), sql, module);
    }
}
