using AmbassadorNet.Persistence.Conventions;
using AmbassadorNet.Persistence.MigrationRunner;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.ServiceDefaults.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace AmbassadorNet.Messaging;

/// <summary>
/// The database of one service: brand-scoped, with the outbox, inbox, parking and idempotency tables
/// beside the service's own. The service's tables are mapped by the
/// <see cref="IEntityTypeConfiguration{TEntity}"/> classes in the context's own namespace (its
/// <c>Persistence</c> folder), and its scripts are the ones embedded in its assembly, so a new entity
/// is a mapping and a script, never another line here.
/// </summary>
public abstract class ServiceDbContext<TSelf>(DbContextOptions<TSelf> options, BrandScope brandScope)
    : BrandScopedDbContext(options, brandScope)
    where TSelf : ServiceDbContext<TSelf>
{
    /// <summary>Every script the service's database needs, messaging and idempotency first.</summary>
    public static IReadOnlyList<SqlMigration> Migrations { get; } = MessagingMigrations.ForService(typeof(TSelf).Assembly);

    /// <summary>The enum types the service stores as snake_case text (readable in SQL, safe to reorder).</summary>
    protected virtual IEnumerable<Type> EnumsStoredAsText => [];

    protected sealed override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.AddIdempotencyTable();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TSelf).Assembly, type => type.Namespace == typeof(TSelf).Namespace);
    }

    protected sealed override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.StoreAsSnakeCase([.. EnumsStoredAsText]);
    }
}
