using AmbassadorNet.Persistence.Schema;
using AmbassadorNet.Persistence.Tenancy;
using BuildingBlocks.Tests.Sample;
using Microsoft.EntityFrameworkCore;

namespace BuildingBlocks.Tests.Persistence;

public sealed class SchemaComparerTests(SampleDatabaseFixture fixture) : IClassFixture<SampleDatabaseFixture>
{
    [Fact]
    public async Task The_migrated_schema_matches_the_model()
    {
        await using var context = SampleDbContext.Create(fixture.Database, new BrandScope());

        var drift = await SchemaComparer.FindDriftAsync(context, TestContext.Current.CancellationToken);

        Assert.Empty(drift);
    }

    [Fact]
    public async Task A_model_that_drifted_from_the_scripts_is_caught()
    {
        var options = new DbContextOptionsBuilder<DriftedContext>().UseNpgsql(fixture.Database.ConnectionString).Options;
        await using var context = new DriftedContext(options);

        var drift = (await SchemaComparer.FindDriftAsync(context, TestContext.Current.CancellationToken)).Select(d => d.ToString()).ToList();

        Assert.Contains("sample_orders: column coupon_code is missing", drift);
        Assert.Contains("sample_orders: column reference is character varying(64), the model says character varying(80)", drift);
        Assert.Contains("sample_orders: column note is nullable, the model says not null", drift);
        Assert.Contains("sample_orders: column currency is in the database but not in the model", drift);
        Assert.Contains("sample_orders: unique key (brand_id,reference) is in the database but not in the model", drift);
        Assert.Contains("sample_orders: index (brand_id,reference) is missing", drift);
        Assert.Contains("sample_order_lines: table is in the database but not in the model", drift);
        Assert.Contains("audit_log: table is in the model but not in the database", drift);
    }

    /// <summary>The sample model with the kinds of mistake a real change makes.</summary>
    private sealed class DriftedContext(DbContextOptions options) : BrandScopedDbContext(options, new BrandScope())
    {
        protected override void ConfigureModel(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<DriftedOrder>(order =>
            {
                order.ToTable("sample_orders");
                order.Property(o => o.Reference).HasMaxLength(80);
                order.Property(o => o.Note).IsRequired();
                order.HasIndex(o => new { o.BrandId, o.Reference }); // lost its uniqueness
                order.HasIndex(o => o.PlacedAt);
            });
            modelBuilder.Entity<AuditLog>().ToTable("audit_log");
        }
    }

    private sealed class DriftedOrder
    {
        public Guid Id { get; set; }

        public Guid BrandId { get; set; }

        public string Reference { get; set; } = "";

        public decimal Amount { get; set; }

        public DateTimeOffset PlacedAt { get; set; }

        public string Note { get; set; } = "";

        public string? CouponCode { get; set; }
    }

    private sealed class AuditLog
    {
        public Guid Id { get; set; }
    }
}
