using AmbassadorNet.Messaging;
using AmbassadorNet.Persistence.Tenancy;

namespace ServiceDefaults.Tests.Sample;

public sealed class ShopDbContext(DbContextOptions<ShopDbContext> options, BrandScope brandScope) : ServiceDbContext<ShopDbContext>(options, brandScope)
{
    public DbSet<Product> Products => Set<Product>();

    public DbSet<ProductReplica> Replicas => Set<ProductReplica>();
}
