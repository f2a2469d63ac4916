using System.ComponentModel.DataAnnotations;
using AmbassadorNet.ServiceDefaults.Configuration;

namespace AmbassadorNet.ServiceDefaults.Persistence;

[ConfigurationSection("Database")]
public sealed class DatabaseOptions
{
    /// <summary>Npgsql connection string of the service's own database.</summary>
    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Apply migrations when the service starts. Off by default: with several replicas, run the
    /// service once with --migrate-only instead (the AppHost and the deploy jobs do).
    /// </summary>
    public bool MigrateOnStartup { get; set; }
}
