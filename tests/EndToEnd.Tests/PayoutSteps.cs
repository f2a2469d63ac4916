using System.Net;
using System.Text;
using System.Text.Json;
using AmbassadorNet.SystemTestKit;

namespace EndToEnd.Tests;

/// <summary>
/// The payout run and what follows it, as the finance team plays it: finance runs, the admin approves
/// (four eyes), the provider file is exported, and the provider's settlement comes back with Ava's
/// line paid and Cleo's failed.
/// </summary>
internal static class PayoutSteps
{
    public static Task SetPayoutProfileAsync(Brand brand, Guid creatorId, string payeeReference) =>
        brand.Finance.SendAsync(HttpMethod.Put, $"/api/creators/{creatorId}/payout-profile", new
        {
            method = "paypal", currency = "USD", payeeReference, taxFormStatus = "verified",
        });

    /// <summary>Runs payouts for the period ending <paramref name="periodEnd"/> and returns the one USD batch.</summary>
    public static async Task<JsonElement> RunAsync(Brand brand, DateTimeOffset periodEnd)
    {
        var run = await brand.Finance.SendAsync(HttpMethod.Post, "/api/payouts/runs", new { periodEnd });
        Assert.True(run.GetProperty("created").GetBoolean());
        Assert.Equal(0, run.GetProperty("excluded").GetArrayLength()); // Ben has nothing available; Ava and Cleo have verified profiles
        return run.GetProperty("batches").EnumerateArray().Single();
    }

    public static async Task ApproveAsync(Brand brand, Guid batchId)
    {
        var (own, _) = await brand.Finance.SendRawAsync(HttpMethod.Post, $"/api/payouts/batches/{batchId}/approve");
        Assert.Equal(HttpStatusCode.Forbidden, own); // the member who ran the batch may not approve it
        var approved = await brand.Admin.SendAsync(HttpMethod.Post, $"/api/payouts/batches/{batchId}/approve");
        Assert.Equal("approved", approved.GetProperty("status").GetString());
    }

    /// <summary>The provider file: header and one line per creator, keyed by creator id.</summary>
    public static async Task<Dictionary<Guid, (Guid LineId, string Payee, string Amount)>> ExportAsync(Brand brand, Guid batchId)
    {
        var (status, csv) = await brand.Finance.SendRawAsync(HttpMethod.Get, $"/api/payouts/batches/{batchId}/export.csv");
        Assert.Equal(HttpStatusCode.OK, status);
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("line_id,payee_reference,amount,currency,creator_id,batch_id", rows[0]);
        return rows.Skip(1).Select(r => r.Split(',')).ToDictionary(
            f => Guid.Parse(f[4]), f => (Guid.Parse(f[0]), f[1], f[2]));
    }

    public static async Task<JsonElement> SettleAsync(GatewayClient finance, Guid batchId, string csv)
    {
        var (status, body) = await finance.SendRawAsync(HttpMethod.Post, $"/api/payouts/batches/{batchId}/settlement", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.True(status == HttpStatusCode.OK, $"settlement answered {(int)status}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
