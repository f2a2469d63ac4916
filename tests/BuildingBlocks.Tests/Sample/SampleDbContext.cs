using AmbassadorNet.Persistence.MigrationRunner;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.TestKit.Postgres;
using Microsoft.EntityFrameworkCore;

namespace BuildingBlocks.Tests.Sample;

/// <summary>A small service-like model over the scripts in Migrations/, as a real service would have.</summary>
public class SampleDbContext(DbContextOptions options, BrandScope brandScope) : BrandScopedDbContext(options, brandScope)
{
    public static IReadOnlyList<SqlMigration> Migrations => EmbeddedMigrations.From(typeof(SampleDbContext).Assembly);

    public DbSet<SampleOrder> Orders => Set<SampleOrder>();

    public static SampleDbContext Create(TestDatabase database, BrandScope scope) =>
        new(new DbContextOptionsBuilder<SampleDbContext>().UseNpgsql(database.ConnectionString).Options, scope);

    public static SampleDbContext ForBrand(TestDatabase database, Guid brandId)
    {
        var scope = new BrandScope();
        scope.Set(brandId);
        return Create(database, scope);
    }

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SampleOrder>(order =>
        {
            order.ToTable("sample_orders");
            order.Property(o => o.Reference).HasMaxLength(64);
            order.Property(o => o.Currency).HasMaxLength(3).IsFixedLength();
            order.HasIndex(o => new { o.BrandId, o.Reference }).IsUnique();
            order.HasIndex(o => o.PlacedAt);
            order.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId);
        });
        modelBuilder.Entity<SampleOrderLine>(line =>
        {
            line.ToTable("sample_order_lines");
            line.Property(l => l.Sku).HasMaxLength(32);
        });
    }
}
