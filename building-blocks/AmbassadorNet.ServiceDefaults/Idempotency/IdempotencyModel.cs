using AmbassadorNet.Persistence.MigrationRunner;
using Microsoft.EntityFrameworkCore;

namespace AmbassadorNet.ServiceDefaults.Idempotency;

public static class IdempotencyModel
{
    public const string Module = "idempotency";

    public static IReadOnlyList<SqlMigration> Scripts { get; } = EmbeddedMigrations.From(typeof(IdempotencyModel).Assembly, Module);

    /// <summary>Maps the idempotency table so the schema check covers it; call from the service's ConfigureModel.</summary>
    public static ModelBuilder AddIdempotencyTable(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IdempotencyRecord>(record =>
        {
            record.ToTable("idempotency_keys");
            record.HasKey(r => new { r.BrandId, r.Key });
            record.Property(r => r.Key).HasMaxLength(255);
            record.HasIndex(r => r.CreatedAt);
        });
        return modelBuilder;
    }
}
