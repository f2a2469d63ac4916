using AmbassadorNet.Persistence.Pagination;
using BuildingBlocks.Tests.Sample;
using Microsoft.EntityFrameworkCore;

namespace BuildingBlocks.Tests.Persistence;

public sealed class KeysetPaginationTests(SampleDatabaseFixture fixture) : IClassFixture<SampleDatabaseFixture>
{
    private static readonly KeysetOrder<SampleOrder, decimal> ByAmount = new("amount", o => o.Amount, o => o.Id, descending: false);
    private static readonly KeysetOrder<SampleOrder, DateTimeOffset> Newest = new("newest", o => o.PlacedAt, o => o.Id, descending: true);
    private static readonly KeysetOrder<SampleOrder, string> ByReference = new("reference", o => o.Reference, o => o.Id, descending: false);
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Walking_pages_visits_every_row_once_in_order_even_with_ties()
    {
        var brand = Guid.CreateVersion7();
        // Amounts repeat, so the id must break the ties or rows would be skipped or repeated.
        await SeedAsync(brand, Enumerable.Range(0, 53).Select(i => Order(brand, $"T-{i:D3}", amount: i % 7, placedAt: Start.AddMinutes(i))));

        var seen = await WalkAsync(brand, ByAmount, limit: 10);

        Assert.Equal(53, seen.Count);
        Assert.Equal(53, seen.Select(o => o.Id).Distinct().Count());
        Assert.Equal(seen.OrderBy(o => o.Amount).ThenBy(o => o.Id, Comparer<Guid>.Create(CompareAsPostgres)).Select(o => o.Id), seen.Select(o => o.Id));
    }

    [Fact]
    public async Task Rows_inserted_while_a_client_pages_do_not_shift_the_pages()
    {
        var brand = Guid.CreateVersion7();
        var original = Enumerable.Range(0, 60).Select(i => Order(brand, $"C-{i:D3}", amount: 1, placedAt: Start.AddMinutes(i))).ToList();
        await SeedAsync(brand, original);

        var seen = new List<SampleOrder>();
        string? cursor = null;
        var inserted = 0;
        do
        {
            await using var context = SampleDbContext.ForBrand(fixture.Database, brand);
            var page = await context.Orders.AsNoTracking().ToPageAsync(Newest, cursor, 7, TestContext.Current.CancellationToken);
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
            // Between pages, newer orders arrive at the head of the list and older ones anywhere in it.
            await SeedAsync(brand, [
                Order(brand, $"NEW-{inserted}", amount: 1, placedAt: Start.AddDays(1).AddMinutes(inserted)),
                Order(brand, $"OLD-{inserted}", amount: 1, placedAt: Start.AddSeconds(30 + (60 * (59 - inserted)))),
            ]);
            inserted++;
        }
        while (cursor is not null);

        Assert.Equal(seen.Count, seen.Select(o => o.Id).Distinct().Count());
        Assert.All(original, o => Assert.Contains(seen, s => s.Id == o.Id));
        Assert.DoesNotContain(seen, s => s.Reference.StartsWith("NEW-", StringComparison.Ordinal));
        Assert.True(seen.Zip(seen.Skip(1)).All(pair => pair.First.PlacedAt >= pair.Second.PlacedAt), "pages must stay in order");
    }

    [Fact]
    public async Task Keys_without_comparison_operators_page_too()
    {
        var brand = Guid.CreateVersion7();
        await SeedAsync(brand, Enumerable.Range(0, 12).Select(i => Order(brand, $"R-{(char)('a' + i)}", amount: 1, placedAt: Start)));

        var seen = await WalkAsync(brand, ByReference, limit: 5);

        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"R-{(char)('a' + i)}"), seen.Select(o => o.Reference));
    }

    [Fact]
    public async Task A_tampered_cursor_or_one_of_another_order_is_refused()
    {
        var brand = Guid.CreateVersion7();
        await SeedAsync(brand, Enumerable.Range(0, 3).Select(i => Order(brand, $"X-{i}", amount: i, placedAt: Start)));
        await using var context = SampleDbContext.ForBrand(fixture.Database, brand);
        var first = await context.Orders.ToPageAsync(ByAmount, null, 1, TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<InvalidCursorException>(() => context.Orders.ToPageAsync(ByAmount, "not-a-cursor!", 1));
        await Assert.ThrowsAsync<InvalidCursorException>(() => context.Orders.ToPageAsync(Newest, first.NextCursor, 1));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => context.Orders.ToPageAsync(ByAmount, null, 0));
    }

    private async Task<List<SampleOrder>> WalkAsync<TKey>(Guid brand, KeysetOrder<SampleOrder, TKey> order, int limit)
    {
        var seen = new List<SampleOrder>();
        string? cursor = null;
        do
        {
            await using var context = SampleDbContext.ForBrand(fixture.Database, brand);
            var page = await context.Orders.AsNoTracking().ToPageAsync(order, cursor, limit, TestContext.Current.CancellationToken);
            Assert.True(page.Items.Count <= limit);
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return seen;
    }

    private async Task SeedAsync(Guid brand, IEnumerable<SampleOrder> orders)
    {
        await using var context = SampleDbContext.ForBrand(fixture.Database, brand);
        context.Orders.AddRange(orders);
        await context.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static SampleOrder Order(Guid brand, string reference, decimal amount, DateTimeOffset placedAt) => new()
    {
        Id = Guid.CreateVersion7(),
        BrandId = brand,
        Reference = reference,
        Amount = amount,
        Currency = "USD",
        PlacedAt = placedAt,
    };

    // PostgreSQL orders uuids by their bytes in RFC order, which is not Guid.CompareTo's order.
    private static int CompareAsPostgres(Guid left, Guid right) =>
        left.ToByteArray(bigEndian: true).AsSpan().SequenceCompareTo(right.ToByteArray(bigEndian: true));
}
