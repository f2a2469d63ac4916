using System.Text.Json;
using AmbassadorNet.SystemTestKit;

namespace Reliability.Tests.Money;

/// <summary>The invariants every money scenario ends with (docs/reliability.md), checked on a reading taken at rest.</summary>
public static class Invariants
{
    public static void Hold(Books books)
    {
        Assert.Equal(0m, books.TrialNet);
        Assert.Equal(books.TrialDebits, books.TrialCredits);
        // No fees or adjustments in these brands: what the brand's expense says it owes is what its creators are owed.
        Assert.Equal(books.CommissionExpense, books.Creators.Sum(c => c.Total));
        foreach (var creator in books.Creators)
        {
            Assert.Equal(creator.PendingFromEntries, creator.Pending);
            Assert.Equal(creator.AvailableFromEntries, creator.Available);
            Assert.Equal(creator.InPayoutFromEntries, creator.InPayout);
            Assert.Equal(creator.Pending + creator.Available + creator.InPayout, creator.Total);
            Assert.True(creator.Accruals == creator.DistinctAccruedConversions, $"a conversion of {creator.CreatorId} accrued twice: {creator}");
        }

        foreach (var campaign in books.Campaigns)
        {
            Assert.Equal(campaign.SourceConversions, campaign.Conversions);
            Assert.Equal(campaign.SourceRevenue, campaign.Revenue);
            Assert.Equal(campaign.SourceRefunds, campaign.Refunds);
        }

        // Analytics' commission ties to the ledger's.
        Assert.Equal(books.Creators.Sum(c => c.Commission), books.Campaigns.Sum(c => c.Commission));
    }

    /// <summary>The redirect counters once idle: every 302 answered is a stored click, none dropped.</summary>
    public static async Task<JsonElement> ClicksStoredAsync(GatewayClient @operator)
    {
        var stats = await @operator.SendAsync(HttpMethod.Get, "/ops/tracking/redirect-stats");
        Assert.Equal(0, stats.GetProperty("dropped").GetInt64());
        Assert.Equal(stats.GetProperty("answered").GetInt64(), stats.GetProperty("stored").GetInt64());
        return stats;
    }

    /// <summary>How many messages each error queue of <paramref name="service"/> holds, per endpoint.</summary>
    public static async Task<Dictionary<string, long>> ErrorQueuesAsync(GatewayClient @operator, string service)
    {
        var queues = await @operator.SendAsync(HttpMethod.Get, $"/ops/{service}/messaging/error-queues");
        return queues.EnumerateArray().ToDictionary(q => q.GetProperty("endpoint").GetString()!, q => q.GetProperty("messages").GetInt64());
    }

    /// <summary>The books equal what the reference model says, once every accrual due at <paramref name="releasedAt"/> is released.</summary>
    public static void MatchModel(Shop shop, ReferenceModel model, DateTimeOffset releasedAt, Books books)
    {
        foreach (var creatorId in shop.CreatorIds)
        {
            var (pending, available) = model.Creator(creatorId, releasedAt);
            var actual = books.Creator(creatorId);
            Assert.True((pending, available) == (actual.Pending, actual.Available),
                $"creator {creatorId}: expected pending {pending}, available {available}; the ledger says {actual}");
        }

        foreach (var campaignId in shop.CampaignIds)
        {
            var expected = model.Campaign(campaignId);
            var actual = books.Campaign(campaignId);
            Assert.True(expected == (actual.Conversions, actual.Revenue, actual.Refunds, actual.Commission),
                $"campaign {campaignId}: expected {expected}; analytics says {actual}");
        }

        Assert.Equal(model.UnattributedCount, books.UnattributedOrders);
    }
}
