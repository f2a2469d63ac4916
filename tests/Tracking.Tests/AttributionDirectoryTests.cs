using AmbassadorNet.TestKit.Waiting;
using AmbassadorNet.Tracking.Domain;
using AmbassadorNet.Tracking.Resolution;
using Microsoft.Extensions.DependencyInjection;

namespace Tracking.Tests;

/// <summary>
/// Promo codes attribute from memory, and never from memory that missed a change (decision 0019):
/// the order's insert compares the brand's generation with the one memory had applied.
/// </summary>
public sealed class AttributionDirectoryTests(TrackingService service) : IClassFixture<TrackingService>
{
    private AttributionDirectory Directory => service.Services.GetRequiredService<AttributionDirectory>();

    [Fact]
    public async Task A_promo_code_held_in_memory_attributes_without_reading_the_tables()
    {
        var brand = Guid.CreateVersion7();
        var e = await service.EnrollAsync(brand);
        await HeldAsync(brand, e.Promo);
        var (memory, tables, stale) = Counts();

        var conversion = await service.ConvertAsync(brand, Shop.Order("memory-1", promo: e.Promo.ToLowerInvariant()));

        Assert.Equal(("promo_code", e.EnrollmentId), (conversion.Str("method"), conversion.GetProperty("enrollmentId").GetGuid()));
        Assert.Equal((memory + 1, tables, stale), Counts());
    }

    [Fact]
    public async Task A_deactivation_memory_never_heard_of_is_caught_by_the_insert_and_the_order_is_attributed_from_the_tables()
    {
        var brand = Guid.CreateVersion7();
        var e = await service.EnrollAsync(brand);
        await HeldAsync(brand, e.Promo);
        // A lost notification: the code is deactivated and the brand's generation raised with the
        // triggers off, so memory still holds the code as active and will never be told otherwise.
        await service.ExecuteAsync("""
            BEGIN;
            SET LOCAL session_replication_role = replica;
            UPDATE promo_codes SET active = false, deactivated_at = now() WHERE brand_id = @b;
            UPDATE attribution_generations SET generation = generation + 1 WHERE brand_id = @b;
            COMMIT;
            """, ("b", brand));
        Assert.NotNull(Directory.FindPromo(brand, CodeGenerator.Normalize(e.Promo)));
        var (memory, tables, stale) = Counts();

        var first = await service.ConvertAsync(brand, Shop.Order("stale-1", promo: e.Promo));
        var second = await service.ConvertAsync(brand, Shop.Order("stale-2", promo: e.Promo));

        Assert.Equal(("unattributed", "promo_code_inactive"), (first.Str("status"), first.Str("reason")));
        Assert.Equal(("unattributed", "promo_code_inactive"), (second.Str("status"), second.Str("reason")));
        Assert.Equal((memory, tables + 2, stale + 2), Counts());
        Assert.Equal(0L, await service.ScalarAsync<long>("SELECT count(*) FROM conversion_month_ranks WHERE brand_id = @b", ("b", brand)));
    }

    [Fact]
    public async Task Deactivating_a_code_through_the_api_removes_it_from_memory_and_ending_a_campaign_stops_its_codes_earning()
    {
        var brand = Guid.CreateVersion7();
        var e = await service.EnrollAsync(brand);
        await HeldAsync(brand, e.Promo);
        var codeId = (await service.ReadAsync(HttpMethod.Get, $"/api/promo-codes?enrollmentId={e.EnrollmentId}", brand)).GetProperty("items")[0].GetProperty("id").GetGuid();
        var other = await service.EnrollAsync(brand, e.CampaignId, handle: "@other");
        await HeldAsync(brand, other.Promo);

        await service.ReadAsync(HttpMethod.Post, $"/api/promo-codes/{codeId}/deactivate", brand);
        await Eventually.UntilAsync(_ => Task.FromResult(Directory.FindPromo(brand, CodeGenerator.Normalize(e.Promo)) is null), "the deactivated code leaves memory");
        await service.PublishAsync(Events.Ended(brand, e.CampaignId, 9));
        await Eventually.UntilAsync(
            _ => Task.FromResult(Directory.FindPromo(brand, CodeGenerator.Normalize(other.Promo))?.Candidate.Campaign?.Status == "ended"), "the ended campaign reaches memory");
        var afterEnd = await service.ConvertAsync(brand, Shop.Order("after-end", promo: other.Promo));

        Assert.Equal("campaign_ended", afterEnd.Str("reason"));
    }

    private (long Memory, long Tables, long Stale) Counts() => (Directory.FromMemory, Directory.FromTables, Directory.Stale);

    private Task HeldAsync(Guid brand, string promo) =>
        Eventually.UntilAsync(_ => Task.FromResult(Directory.FindPromo(brand, CodeGenerator.Normalize(promo)) is not null), $"promo code {promo} in memory");
}
