using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AmbassadorNet.Persistence.Tenancy;

/// <summary>
/// The base of every service's DbContext. Every <see cref="IBrandOwned"/> entity gets a named query
/// filter on the scope's brand, so no query can forget it, and saving a row of another brand fails.
/// It also holds the storage conventions every service shares: snake_case names, money as
/// numeric(19,4). Services map their entities in
/// <see cref="ConfigureModel"/>.
/// </summary>
public abstract class BrandScopedDbContext : DbContext
{
    public const string BrandFilter = "Brand";

    /// <summary>The filter that narrows <see cref="ICreatorOwned"/> rows to a creator credential's creator.</summary>
    public const string CreatorFilter = "Creator";

    private readonly BrandScope brandScope;

    protected BrandScopedDbContext(DbContextOptions options, BrandScope brandScope) : base(options)
    {
        this.brandScope = brandScope;
        // EF wraps a SaveChanges inside our own transaction in SAVEPOINT / RELEASE: two round trips
        // per save (docs/decisions/0011). No code here carries on in a
        // transaction after a failed save (PostgreSQL aborts it; we roll back or retry in a new one).
        Database.AutoSavepointsEnabled = false;
    }

    /// <summary>Read by the query filter at execution time (EF parameterises context members).</summary>
    public Guid CurrentBrandId => brandScope.BrandId;

    public BrandScope BrandScope => brandScope;

    /// <summary>
    /// Read by the creator filter at execution time; null (every caller but a creator credential) makes
    /// the filter vanish from the SQL, since EF Core simplifies <c>@p IS NULL</c> for the value it has.
    /// </summary>
    public Guid? CurrentCreatorId => brandScope.CreatorId;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<decimal>().HavePrecision(19, 4);
    }

    /// <summary>The service's own mappings; the shared conventions are applied after them.</summary>
    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigureModel(modelBuilder);
        foreach (var entityType in modelBuilder.Model.GetEntityTypes()
                     .Where(t => t.BaseType is null && !t.IsOwned() && typeof(IBrandOwned).IsAssignableFrom(t.ClrType)))
        {
            modelBuilder.Entity(entityType.ClrType).HasQueryFilter(BrandFilter, BrandFilterFor(entityType.ClrType));
            if (typeof(ICreatorOwned).IsAssignableFrom(entityType.ClrType))
            {
                modelBuilder.Entity(entityType.ClrType).HasQueryFilter(CreatorFilter, CreatorFilterFor(entityType.ClrType));
            }
        }

        ClientGeneratedKeys(modelBuilder);
        SnakeCaseNames.Apply(modelBuilder.Model);
    }

    /// <summary>
    /// Ids are UUIDv7 made by our code, never by the database. Saying so matters: for a key EF thinks
    /// it generates, an entity added through a navigation with its id already set is taken for an
    /// existing row and updated instead of inserted.
    /// </summary>
    private static void ClientGeneratedKeys(ModelBuilder modelBuilder)
    {
        foreach (var key in modelBuilder.Model.GetEntityTypes().Select(t => t.FindPrimaryKey()).OfType<Microsoft.EntityFrameworkCore.Metadata.IMutableKey>())
        {
            foreach (var property in key.Properties.Where(p => p.ClrType == typeof(Guid) && !p.IsForeignKey()))
            {
                property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampAndCheckBrands();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampAndCheckBrands();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private LambdaExpression BrandFilterFor(Type entityType)
    {
        // entity => entity.BrandId == this.CurrentBrandId
        var entity = Expression.Parameter(entityType, "entity");
        var rowBrand = Expression.Property(entity, nameof(IBrandOwned.BrandId));
        var scopeBrand = Expression.Property(Expression.Constant(this), nameof(CurrentBrandId));
        return Expression.Lambda(Expression.Equal(rowBrand, scopeBrand), entity);
    }

    private LambdaExpression CreatorFilterFor(Type entityType)
    {
        // entity => this.CurrentCreatorId == null || (Guid?)entity.CreatorId == this.CurrentCreatorId
        var entity = Expression.Parameter(entityType, "entity");
        var rowCreator = Expression.Convert(Expression.Property(entity, nameof(ICreatorOwned.CreatorId)), typeof(Guid?));
        var scopeCreator = Expression.Property(Expression.Constant(this), nameof(CurrentCreatorId));
        var unscoped = Expression.Equal(scopeCreator, Expression.Constant(null, typeof(Guid?)));
        return Expression.Lambda(Expression.OrElse(unscoped, Expression.Equal(rowCreator, scopeCreator)), entity);
    }

    private void StampAndCheckBrands()
    {
        foreach (var entry in ChangeTracker.Entries<IBrandOwned>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            var brand = entry.Property(nameof(IBrandOwned.BrandId));
            if (entry.State == EntityState.Added && (Guid)brand.CurrentValue! == Guid.Empty)
            {
                brand.CurrentValue = brandScope.BrandId;
            }

            CheckBrand(entry, (Guid)brand.CurrentValue!);
            if (brandScope.CreatorId is { } creator && entry.Entity is ICreatorOwned owned && owned.CreatorId != creator)
            {
                throw new InvalidOperationException($"A {entry.Metadata.DisplayName()} of creator {owned.CreatorId} cannot be saved by creator {creator}'s credential.");
            }
        }
    }

    private void CheckBrand(EntityEntry entry, Guid rowBrand)
    {
        if (rowBrand != brandScope.BrandId)
        {
            throw new BrandMismatchException(entry.Metadata.DisplayName(), rowBrand, brandScope.BrandId);
        }
    }
}
