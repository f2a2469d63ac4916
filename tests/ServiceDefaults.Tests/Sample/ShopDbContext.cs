using AmbassadorNet.Messaging;
using AmbassadorNet.Persistence.MigrationRunner;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.ServiceDefaults.Idempotency;

namespace ServiceDefaults.Tests.Sample;

public sealed class ShopDbContext(DbContextOptions<ShopDbContext> options, BrandScope brandScope) : BrandScopedDbContext(options, brandScope)
{
    public static IReadOnlyList<SqlMigration> Migrations { get; } =
        MessagingMigrations.ForService(typeof(ShopDbContext).Assembly);

    public DbSet<Product> Products => Set<Product>();

    public DbSet<ProductReplica> Replicas => Set<ProductReplica>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.AddIdempotencyTable();
        modelBuilder.Entity<Product>(product =>
        {
            product.ToTable("products");
            product.Property(p => p.Name).HasMaxLength(100);
        });
        modelBuilder.Entity<ProductReplica>(replica =>
        {
            replica.ToTable("product_replicas");
            replica.Property(p => p.Name).HasMaxLength(100);
            replica.Property(p => p.Id).ValueGeneratedNever();
        });
    }
}
