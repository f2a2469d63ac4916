namespace AmbassadorNet.Persistence.MigrationRunner;

/// <summary>A script that was applied has since been edited: schema changes must be new scripts.</summary>
public sealed class MigrationChecksumException(string version, string applied, string current)
    : InvalidOperationException(
        $"Migration {version} was applied with checksum {applied} but the script now hashes to {current}. " +
        "Never edit an applied migration; add a new one.");
