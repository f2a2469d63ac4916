using AmbassadorNet.Persistence.MigrationRunner;
using AmbassadorNet.Persistence.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AmbassadorNet.Gateway.Data;

/// <summary>
/// The gateway's own database. API keys are brand-owned, so an admin's list and revoke can only see
/// their brand; the per-request lookup by hash spans brands by nature and says so explicitly.
/// </summary>
public sealed class GatewayDbContext(DbContextOptions<GatewayDbContext> options, BrandScope brandScope) : BrandScopedDbContext(options, brandScope)
{
    public static IReadOnlyList<SqlMigration> Migrations { get; } = EmbeddedMigrations.From(typeof(GatewayDbContext).Assembly);

    public DbSet<Brand> Brands => Set<Brand>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Brand>(brand =>
        {
            brand.Property(b => b.Id).ValueGeneratedNever();
            brand.Property(b => b.Name).HasMaxLength(200);
        });

        modelBuilder.Entity<ApiKey>(key =>
        {
            key.Property(k => k.Id).ValueGeneratedNever();
            key.Property(k => k.Name).HasMaxLength(100);
            key.Property(k => k.DisplayPrefix).HasMaxLength(20);
            key.Property(k => k.KeyHash).HasMaxLength(64);
            key.HasIndex(k => k.KeyHash).IsUnique();
            key.HasIndex(k => new { k.BrandId, k.CreatedAt });
            key.HasIndex(k => new { k.BrandId, k.CreatorId }).HasFilter("creator_id IS NOT NULL");
            key.HasOne<Brand>().WithMany().HasForeignKey(k => k.BrandId);
            // A comma-separated column keeps the model provider-neutral (no PostgreSQL arrays).
            key.Property(k => k.Roles).HasMaxLength(200).HasConversion(
                roles => string.Join(',', roles),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), r => r.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode())), r => r.ToList()));
        });
    }
}
