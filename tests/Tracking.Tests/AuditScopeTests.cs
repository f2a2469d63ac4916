using System.Net;

namespace Tracking.Tests;

/// <summary>
/// Which saves reach the audit trail (docs/decisions/0026-audit-trail.md): a change the brand's staff make
/// does; a shop's orders and refunds, posted in volume and recorded append-only on their own, do not.
/// </summary>
public sealed class AuditScopeTests(TrackingService service) : IClassFixture<TrackingService>
{
    [Fact]
    public async Task A_shops_order_and_refund_write_no_audit_record_and_deactivating_a_link_writes_one()
    {
        var brand = Guid.CreateVersion7();
        var ana = await service.EnrollAsync(brand);
        var before = (await service.AuditRecordsAsync(brand)).Count;

        await service.ConvertAsync(brand, Shop.Order("AUD-1", 40m, promo: ana.Promo));
        using var refund = await service.RefundAsync(brand, "AUD-1", Shop.Refund("AUD-1-r1", 10m));
        var afterShop = (await service.AuditRecordsAsync(brand)).Count;
        using var deactivate = await service.SendAsync(HttpMethod.Post, $"/api/links/{ana.LinkId}/deactivate", brand);
        var records = await service.AuditRecordsAsync(brand);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (refund.StatusCode, deactivate.StatusCode));
        Assert.Equal(before, afterShop);
        Assert.Equal("DeactivateLink", Assert.Single(records.Skip(before)).Action.Name);
    }
}
