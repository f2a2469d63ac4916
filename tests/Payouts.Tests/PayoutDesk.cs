using System.Net;
using System.Text;

namespace Payouts.Tests;

/// <summary>
/// One brand's payout desk in tests: gives creators available money (approved deliverable fees, as
/// campaigns would publish them), payout profiles (as creators would), and drives runs and batches
/// through the API. Runs are made with the service's finance key; <see cref="Approver"/> is the second pair of eyes.
/// </summary>
public sealed class PayoutDesk(PayoutsService service)
{
    public Guid Brand { get; } = Guid.CreateVersion7();

    public Guid Approver { get; } = Guid.CreateVersion7();

    public PayoutsService Service => service;

    /// <summary>A creator with a complete, verified payout profile in <paramref name="currency"/> and these fees available.</summary>
    public async Task<Guid> PayeeAsync(string currency = "USD", params decimal[] fees)
    {
        var creator = Guid.CreateVersion7();
        await ProfileAsync(creator, 1, currency);
        foreach (var fee in fees)
        {
            await FeeAsync(creator, fee, currency);
        }

        return creator;
    }

    public async Task FeeAsync(Guid creator, decimal fee, string currency = "USD")
    {
        var deliverable = Guid.CreateVersion7();
        await service.PublishAsync(Events.Approved(Brand, deliverable, Guid.CreateVersion7(), Guid.CreateVersion7(), creator, fee, currency));
        await Eventually.UntilAsync(
            async _ => await service.QueryAsync(Brand, db => db.Transactions.AnyAsync(t => t.CauseId == deliverable)), $"fee of deliverable {deliverable} booked");
    }

    public async Task ProfileAsync(Guid creator, long version, string currency = "USD", string taxForm = "verified", bool complete = true)
    {
        await service.PublishAsync(Events.PayoutProfile(Brand, creator, version, currency, taxForm, complete));
        await Eventually.UntilAsync(
            async _ => await service.QueryAsync(Brand, db => db.PayoutProfiles.AnyAsync(p => p.CreatorId == creator && p.Version >= version)), $"payout profile {version} of {creator}");
    }

    /// <summary>A signed adjustment of the creator's available balance, requested by the finance key and approved by <see cref="Approver"/>.</summary>
    public async Task AdjustAsync(Guid creator, decimal amount, string currency = "USD")
    {
        var id = (await service.ReadAsync(HttpMethod.Post, "/api/ledger/adjustments", Brand, new { creatorId = creator, currency, amount, reason = "correction" })).GetProperty("id").GetGuid();
        await service.ReadAsync(HttpMethod.Post, $"/api/ledger/adjustments/{id}/approve", Brand, key: Approver);
    }

    public Task SetMinimumAsync(string currency, decimal minimum) =>
        service.ReadAsync(HttpMethod.Put, "/api/payouts/settings", Brand, new { currency, minimumPayout = minimum });

    public Task<HttpResponseMessage> RunAsync(DateTimeOffset periodEnd) =>
        service.SendAsync(HttpMethod.Post, "/api/payouts/runs", Brand, new { periodEnd });

    public async Task<JsonElement> RunReadAsync(DateTimeOffset? periodEnd = null) =>
        JsonDocument.Parse(await (await Ok(RunAsync(periodEnd ?? DateTimeOffset.UtcNow))).Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>The run's only batch of that currency.</summary>
    public static Guid BatchOf(JsonElement run, string currency = "USD") =>
        run.GetProperty("batches").EnumerateArray().Single(b => b.GetProperty("currency").GetString() == currency).GetProperty("id").GetGuid();

    public Task<JsonElement> BatchAsync(Guid batch) => service.ReadAsync(HttpMethod.Get, $"/api/payouts/batches/{batch}", Brand);

    public Task<HttpResponseMessage> ApproveAsync(Guid batch, Guid? key = null) =>
        service.SendAsync(HttpMethod.Post, $"/api/payouts/batches/{batch}/approve", Brand, key: key ?? Approver);

    public Task<HttpResponseMessage> VoidAsync(Guid batch) => service.SendAsync(HttpMethod.Post, $"/api/payouts/batches/{batch}/void", Brand);

    public Task<HttpResponseMessage> ExportAsync(Guid batch) => service.SendAsync(HttpMethod.Get, $"/api/payouts/batches/{batch}/export.csv", Brand);

    public Task<HttpResponseMessage> SettleAsync(Guid batch, string csv)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/payouts/batches/{batch}/settlement")
        {
            Content = new StringContent(csv, Encoding.UTF8, "text/csv"),
        };
        request.Headers.Authorization = new("Bearer", service.Tokens.Mint(PayoutsService.Audience, Brand, ["finance"], service.FinanceKey));
        return service.Http.SendAsync(request);
    }

    /// <summary>The creator's closing balances as the statement reports them.</summary>
    public async Task<(decimal Available, decimal InPayout)> BalancesAsync(Guid creator, string currency = "USD")
    {
        var closing = (await service.ReadAsync(HttpMethod.Get, $"/api/ledger/creators/{creator}/statement?currency={currency}", Brand)).GetProperty("closing");
        return (closing.GetProperty("available").GetDecimal(), closing.GetProperty("inPayout").GetDecimal());
    }

    public Task<long> TransactionsAsync(string causeType) =>
        service.ScalarAsync<long>("SELECT count(*) FROM journal_transactions WHERE brand_id = @b AND cause_type = @t", ("b", Brand), ("t", causeType));

    private static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created
            ? response
            : throw new HttpRequestException($"answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
