using AmbassadorNet.Persistence.Tenancy;
using BuildingBlocks.Tests.Sample;
using Microsoft.EntityFrameworkCore;

namespace BuildingBlocks.Tests.Persistence;

public sealed class BrandScopeTests(SampleDatabaseFixture fixture) : IClassFixture<SampleDatabaseFixture>
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Queries_see_only_the_rows_of_the_scope_brand()
    {
        var (acme, globex) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await SeedAsync(acme, "A-1", "A-2");
        await SeedAsync(globex, "G-1");

        await using var asAcme = SampleDbContext.ForBrand(fixture.Database, acme);
        var references = await asAcme.Orders.Select(o => o.Reference).OrderBy(r => r).ToListAsync(TestContext.Current.CancellationToken);
        var byId = await asAcme.Orders.Where(o => o.Reference == "G-1").CountAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["A-1", "A-2"], references);
        Assert.Equal(0, byId);
    }

    [Fact]
    public async Task A_query_without_a_brand_fails_instead_of_reading_every_brand()
    {
        await SeedAsync(Guid.CreateVersion7(), "X-1");
        await using var unscoped = SampleDbContext.Create(fixture.Database, new BrandScope());

        var error = await Record.ExceptionAsync(() => unscoped.Orders.ToListAsync(TestContext.Current.CancellationToken));

        Assert.True(error is MissingBrandException || error?.InnerException is MissingBrandException, $"expected a missing brand, got {error}");
    }

    [Fact]
    public async Task Spanning_brands_must_be_said_explicitly()
    {
        var (one, two) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await SeedAsync(one, "S-1");
        await SeedAsync(two, "S-2");
        await using var unscoped = SampleDbContext.Create(fixture.Database, new BrandScope());

        var brands = await unscoped.Orders.IgnoreQueryFilters([BrandScopedDbContext.BrandFilter])
            .Where(o => o.BrandId == one || o.BrandId == two).Select(o => o.BrandId).Distinct().CountAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, brands);
    }

    [Fact]
    public async Task New_rows_take_the_scope_brand_and_another_brand_cannot_be_written()
    {
        var (mine, theirs) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await using var context = SampleDbContext.ForBrand(fixture.Database, mine);
        var stamped = NewOrder(Guid.Empty, "N-1");
        context.Orders.Add(stamped);
        await context.SaveChangesAsync(TestContext.Current.CancellationToken);

        context.Orders.Add(NewOrder(theirs, "N-2"));
        await Assert.ThrowsAsync<BrandMismatchException>(() => context.SaveChangesAsync(TestContext.Current.CancellationToken));

        Assert.Equal(mine, stamped.BrandId);
        await using var asTheirs = SampleDbContext.ForBrand(fixture.Database, theirs);
        Assert.Equal(0, await asTheirs.Orders.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void A_scope_cannot_switch_brands()
    {
        var scope = new BrandScope();
        scope.Set(Guid.CreateVersion7());

        Assert.Throws<InvalidOperationException>(() => scope.Set(Guid.CreateVersion7()));
        Assert.Throws<ArgumentException>(() => new BrandScope().Set(Guid.Empty));
    }

    private async Task SeedAsync(Guid brandId, params string[] references)
    {
        await using var context = SampleDbContext.ForBrand(fixture.Database, brandId);
        context.Orders.AddRange(references.Select(r => NewOrder(brandId, r)));
        await context.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static SampleOrder NewOrder(Guid brandId, string reference) => new()
    {
        Id = Guid.CreateVersion7(),
        BrandId = brandId,
        Reference = reference,
        Amount = 10m,
        Currency = "USD",
        PlacedAt = Noon,
    };
}
