using System.Globalization;
using System.Text;
using System.Text.Json;
using AmbassadorNet.SystemTestKit;

namespace Reliability.Tests.Money;

/// <summary>A creator's USD statement: balances as answered, and the same balances summed from its entries.</summary>
public sealed record CreatorBooks(
    Guid CreatorId, decimal Pending, decimal Available, decimal InPayout, decimal Total,
    decimal PendingFromEntries, decimal AvailableFromEntries, decimal InPayoutFromEntries,
    int Accruals, int DistinctAccruedConversions, decimal Commission);

/// <summary>A campaign's all-time figures as analytics answers them, and as tracking's conversions add up.</summary>
public sealed record CampaignBooks(
    Guid CampaignId, long Clicks, long Conversions, decimal Revenue, decimal Refunds, decimal Commission,
    long SourceConversions, decimal SourceRevenue, decimal SourceRefunds);

/// <summary>
/// Everything a brand's money looks like from outside, read through the gateway: statements, the
/// trial balance, analytics and tracking's conversions. Two readings are equal when their text is.
/// </summary>
public sealed record Books(
    IReadOnlyList<CreatorBooks> Creators, IReadOnlyList<CampaignBooks> Campaigns,
    decimal TrialDebits, decimal TrialCredits, decimal TrialNet, decimal CommissionExpense, long UnattributedOrders)
{
    public string Text { get; } = Describe(Creators, Campaigns, TrialDebits, TrialCredits, TrialNet, CommissionExpense, UnattributedOrders);

    public bool Equals(Books? other) => other is not null && other.Text == Text;

    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Text;

    public CreatorBooks Creator(Guid id) => Creators.Single(c => c.CreatorId == id);

    public CampaignBooks Campaign(Guid id) => Campaigns.Single(c => c.CampaignId == id);

    public static async Task<Books> ReadAsync(GatewayClient admin, IEnumerable<Guid> creatorIds, IEnumerable<Guid> campaignIds)
    {
        var creators = new List<CreatorBooks>();
        foreach (var id in creatorIds.Order())
        {
            creators.Add(await CreatorAsync(admin, id));
        }

        var campaigns = new List<CampaignBooks>();
        foreach (var id in campaignIds.Order())
        {
            campaigns.Add(await CampaignAsync(admin, id));
        }

        var trial = await admin.SendAsync(HttpMethod.Get, "/api/ledger/trial-balance");
        var usd = trial.GetProperty("currencies").EnumerateArray().Where(c => c.GetProperty("currency").GetString() == "USD").ToList();
        var expense = usd.SelectMany(c => c.GetProperty("lines").EnumerateArray())
            .Where(l => l.GetProperty("account").GetString() == "commission_expense").Sum(l => l.GetProperty("balance").GetDecimal());
        var unattributed = (await ConversionsAsync(admin, "status=unattributed")).Count;
        return new Books(
            creators, campaigns,
            usd.Sum(c => c.GetProperty("totalDebits").GetDecimal()), usd.Sum(c => c.GetProperty("totalCredits").GetDecimal()),
            usd.Sum(c => c.GetProperty("net").GetDecimal()), expense, unattributed);
    }

    private static async Task<CreatorBooks> CreatorAsync(GatewayClient admin, Guid creatorId)
    {
        // The statement is paged: every page carries the whole statement's closing, and its own entries.
        var entries = new List<JsonElement>();
        JsonElement? closingOfStatement = null;
        string? cursor = null;
        do
        {
            var page = cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}";
            var (status, body) = await admin.SendRawAsync(HttpMethod.Get, $"/api/ledger/creators/{creatorId}/statement?currency=USD&limit=200{page}");
            if (status == System.Net.HttpStatusCode.NotFound)
            {
                return new CreatorBooks(creatorId, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
            }

            var statement = JsonDocument.Parse(body).RootElement;
            closingOfStatement ??= statement.GetProperty("closing");
            entries.AddRange(statement.GetProperty("entries").EnumerateArray());
            cursor = statement.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);

        var closing = closingOfStatement.Value;
        decimal Sum(string account) => entries.Where(e => e.GetProperty("account").GetString() == account).Sum(e => e.GetProperty("amount").GetDecimal());
        var accruals = entries.Where(e => e.GetProperty("causeType").GetString() == "commission_accrued").ToList();
        var commission = entries.Where(e => e.GetProperty("causeType").GetString()!.StartsWith("commission_", StringComparison.Ordinal))
            .Sum(e => e.GetProperty("amount").GetDecimal());
        return new CreatorBooks(
            creatorId, closing.GetProperty("pending").GetDecimal(), closing.GetProperty("available").GetDecimal(),
            closing.GetProperty("inPayout").GetDecimal(), closing.GetProperty("total").GetDecimal(),
            Sum("creator_pending"), Sum("creator_available"), Sum("creator_in_payout"),
            accruals.Count, accruals.Select(e => e.GetProperty("causeId").GetGuid()).Distinct().Count(), commission);
    }

    private static async Task<CampaignBooks> CampaignAsync(GatewayClient admin, Guid campaignId)
    {
        var metrics = (await admin.SendAsync(HttpMethod.Get, $"/api/analytics/campaigns/{campaignId}/summary")).GetProperty("metrics");
        var attributed = await ConversionsAsync(admin, $"status=attributed&campaignId={campaignId}");
        return new CampaignBooks(
            campaignId, metrics.GetProperty("clicks").GetInt64(), metrics.GetProperty("conversions").GetInt64(),
            metrics.GetProperty("revenue").GetDecimal(), metrics.GetProperty("refunds").GetDecimal(), metrics.GetProperty("commission").GetDecimal(),
            attributed.Count, attributed.Sum(c => c.GetProperty("amount").GetDecimal()), attributed.Sum(c => c.GetProperty("refundedAmount").GetDecimal()));
    }

    /// <summary>Every conversion the filter selects, page by page.</summary>
    public static async Task<List<JsonElement>> ConversionsAsync(GatewayClient admin, string filter)
    {
        var all = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await admin.SendAsync(HttpMethod.Get, $"/api/conversions?{filter}&limit=200" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            all.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);
        return all;
    }

    private static string Describe(
        IReadOnlyList<CreatorBooks> creators, IReadOnlyList<CampaignBooks> campaigns, decimal debits, decimal credits, decimal net, decimal expense, long unattributed)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"trial balance USD: debits {debits}, credits {credits}, net {net}, commission expense {expense}; unattributed orders {unattributed}\n");
        foreach (var c in creators)
        {
            text.Append(CultureInfo.InvariantCulture, $"{c}\n");
        }

        foreach (var c in campaigns)
        {
            text.Append(CultureInfo.InvariantCulture, $"{c}\n");
        }

        return text.ToString();
    }
}
