using System.Net;

namespace Payouts.Tests;

/// <summary>Adjustments under the four-eyes rule, holds and settings: finance's commands.</summary>
public sealed class FinanceCommandTests(PayoutsService service) : LedgerTest(service), IClassFixture<PayoutsService>
{
    private static object Adjustment(Guid creatorId, decimal amount = 15m) =>
        new { creatorId, currency = "USD", amount, reason = "Bonus for the launch video" };

    [Fact]
    public async Task An_adjustment_posts_only_when_a_second_different_key_approves_it()
    {
        var (brand, creator, second) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var requested = await Service.ReadAsync(HttpMethod.Post, "/api/ledger/adjustments", brand, Adjustment(creator));
        var id = requested.GetProperty("id").GetGuid();

        var self = await Service.SendAsync(HttpMethod.Post, $"/api/ledger/adjustments/{id}/approve", brand);
        var postedBeforeApproval = await Service.QueryAsync(brand, db => db.Transactions.CountAsync());
        var approved = await Service.ReadAsync(HttpMethod.Post, $"/api/ledger/adjustments/{id}/approve", brand, key: second);
        var twice = await Service.SendAsync(HttpMethod.Post, $"/api/ledger/adjustments/{id}/approve", brand, key: Guid.CreateVersion7());
        var statement = await Service.ReadAsync(HttpMethod.Get, $"/api/ledger/creators/{creator}/statement", brand);

        Assert.Equal("awaiting_approval", requested.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Equal("application/problem+json", self.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, postedBeforeApproval);
        Assert.Equal(("posted", second), (approved.GetProperty("status").GetString(), approved.GetProperty("approvedByKeyId").GetGuid()));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(15m, statement.GetProperty("closing").GetProperty("available").GetDecimal());
        var line = statement.GetProperty("entries")[0];
        Assert.Equal((CauseTypes.Adjustment, id, second), (line.GetProperty("causeType").GetString(), line.GetProperty("causeId").GetGuid(), line.GetProperty("causedByKeyId").GetGuid()));

        await Eventually.UntilAsync(async _ => (await Service.EventTypesAsync(brand)).Contains("AdjustmentPosted"), "AdjustmentPosted");
        var posted = JsonDocument.Parse((await Service.EventsAsync(brand)).Single().Body).RootElement;
        Assert.Equal((Service.FinanceKey, second, 15m), (posted.GetProperty("requestedByKeyId").GetGuid(), posted.GetProperty("approvedByKeyId").GetGuid(), posted.GetProperty("amount").GetDecimal()));
    }

    /// <summary>Security finding 2 (docs/reliability.md): every money field is bounded at 10^10 in the currency's unit.</summary>
    [Fact]
    public async Task Amounts_beyond_ten_billion_are_refused_and_change_nothing()
    {
        var (brand, creator) = (Guid.CreateVersion7(), Guid.CreateVersion7());

        var credit = await Service.SendAsync(HttpMethod.Post, "/api/ledger/adjustments", brand, Adjustment(creator, 1e16m));
        var clawback = await Service.SendAsync(HttpMethod.Post, "/api/ledger/adjustments", brand, Adjustment(creator, -10_000_000_000.01m));
        var minimum = await Service.SendAsync(HttpMethod.Put, "/api/payouts/settings", brand, new { currency = "USD", minimumPayout = 1e12m });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (credit.StatusCode, clawback.StatusCode, minimum.StatusCode));
        Assert.Equal(["amount"], await credit.ErrorFieldsAsync());
        Assert.Equal(["amount"], await clawback.ErrorFieldsAsync());
        Assert.Equal(["minimumPayout"], await minimum.ErrorFieldsAsync());
        Assert.Equal(0L, await Service.ScalarAsync<long>("SELECT count(*) FROM ledger_adjustments WHERE brand_id = @b", ("b", brand)));
        Assert.Equal(0L, await Service.ScalarAsync<long>("SELECT count(*) FROM payout_settings WHERE brand_id = @b", ("b", brand)));
    }

    [Fact]
    public async Task A_negative_adjustment_debits_the_creator()
    {
        var (brand, creator) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var id = (await Service.ReadAsync(HttpMethod.Post, "/api/ledger/adjustments", brand, Adjustment(creator, -4.25m))).GetProperty("id").GetGuid();

        await Service.ReadAsync(HttpMethod.Post, $"/api/ledger/adjustments/{id}/approve", brand, key: Guid.CreateVersion7());

        var statement = await Service.ReadAsync(HttpMethod.Get, $"/api/ledger/creators/{creator}/statement?currency=USD", brand);
        Assert.Equal(-4.25m, statement.GetProperty("closing").GetProperty("available").GetDecimal());
    }

    [Fact]
    public async Task A_retried_adjustment_request_with_its_idempotency_key_creates_one_adjustment()
    {
        var (brand, creator) = (Guid.CreateVersion7(), Guid.CreateVersion7());

        var first = await Service.SendAsync(HttpMethod.Post, "/api/ledger/adjustments", brand, Adjustment(creator), idempotencyKey: "adj-1");
        var retry = await Service.SendAsync(HttpMethod.Post, "/api/ledger/adjustments", brand, Adjustment(creator), idempotencyKey: "adj-1");
        var other = await Service.SendAsync(HttpMethod.Post, "/api/ledger/adjustments", brand, Adjustment(creator, 99m), idempotencyKey: "adj-1");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Conflict), (first.StatusCode, retry.StatusCode, other.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(1, await Service.QueryAsync(brand, db => db.Adjustments.CountAsync()));
    }

    [Fact]
    public async Task A_bad_adjustment_is_a_400_naming_every_field_and_creates_nothing()
    {
        var brand = Guid.CreateVersion7();

        var empty = await Service.SendAsync(HttpMethod.Post, "/api/ledger/adjustments", brand, new { });
        var fractions = await Service.SendAsync(HttpMethod.Post, "/api/ledger/adjustments", brand, new { creatorId = Guid.CreateVersion7(), currency = "JPY", amount = 1.5m, reason = "x" });
        var malformed = await Service.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/ledger/adjustments")
        {
            Content = new StringContent("{\"amount\": ", System.Text.Encoding.UTF8, "application/json"),
            Headers = { Authorization = new("Bearer", Service.Tokens.Mint(PayoutsService.Audience, brand, ["finance"], Service.FinanceKey)) },
        });
        var unknown = await Service.SendAsync(HttpMethod.Post, $"/api/ledger/adjustments/{Guid.CreateVersion7()}/approve", brand);

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(["amount", "creatorId", "currency", "reason"], await empty.ErrorFieldsAsync());
        Assert.Equal(["amount"], await fractions.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(0, await Service.QueryAsync(brand, db => db.Adjustments.CountAsync()));
    }

    [Fact]
    public async Task A_hold_has_a_reason_shows_on_the_statement_and_can_be_lifted_once()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        await scenario.AttributeAsync(100m, DateTimeOffset.UtcNow.AddHours(-1));
        var path = $"/api/payouts/holds/{scenario.CreatorId}";

        var noReason = await Service.SendAsync(HttpMethod.Post, path, scenario.Brand, new { });
        var mistyped = await Service.SendAsync(HttpMethod.Post, $"/api/payouts/holds/{Guid.CreateVersion7()}", scenario.Brand, new { reason = "Tax form under review" });
        var otherBrand = await Service.SendAsync(HttpMethod.Post, path, Guid.CreateVersion7(), new { reason = "Tax form under review" });
        var placed = await Service.SendAsync(HttpMethod.Post, path, scenario.Brand, new { reason = "Tax form under review" });
        var again = await Service.SendAsync(HttpMethod.Post, path, scenario.Brand, new { reason = "Another" });
        var held = await Service.ReadAsync(HttpMethod.Get, $"/api/ledger/creators/{scenario.CreatorId}/statement", scenario.Brand);
        var lifted = await Service.SendAsync(HttpMethod.Delete, path, scenario.Brand);
        var liftedAgain = await Service.SendAsync(HttpMethod.Delete, path, scenario.Brand);
        var free = await Service.ReadAsync(HttpMethod.Get, $"/api/ledger/creators/{scenario.CreatorId}/statement", scenario.Brand);

        Assert.Equal(["reason"], await noReason.ErrorFieldsAsync());
        // A mistyped id, and another brand's creator, hold nobody.
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (mistyped.StatusCode, otherBrand.StatusCode));
        Assert.Contains("knows no creator", await mistyped.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Conflict), (placed.StatusCode, again.StatusCode));
        Assert.Equal((true, "Tax form under review"), (held.GetProperty("onHold").GetBoolean(), held.GetProperty("holdReason").GetString()));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (lifted.StatusCode, liftedAgain.StatusCode));
        Assert.False(free.GetProperty("onHold").GetBoolean());
    }

    [Fact]
    public async Task Settings_keep_a_minimum_payout_per_currency()
    {
        var brand = Guid.CreateVersion7();

        await Service.ReadAsync(HttpMethod.Put, "/api/payouts/settings", brand, new { currency = "USD", minimumPayout = 50m });
        await Service.ReadAsync(HttpMethod.Put, "/api/payouts/settings", brand, new { currency = "EUR", minimumPayout = 25m });
        await Service.ReadAsync(HttpMethod.Put, "/api/payouts/settings", brand, new { currency = "USD", minimumPayout = 20m });
        var bad = await Service.SendAsync(HttpMethod.Put, "/api/payouts/settings", brand, new { currency = "usd", minimumPayout = -1m });
        var settings = await Service.ReadAsync(HttpMethod.Get, "/api/payouts/settings", brand);
        var otherBrand = await Service.ReadAsync(HttpMethod.Get, "/api/payouts/settings", Guid.CreateVersion7());

        Assert.Equal(["currency", "minimumPayout"], await bad.ErrorFieldsAsync());
        Assert.Equal([("EUR", 25m), ("USD", 20m)], settings.GetProperty("items").EnumerateArray()
            .Select(s => (s.GetProperty("currency").GetString()!, s.GetProperty("minimumPayout").GetDecimal())));
        Assert.Equal(0, otherBrand.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Reports_refuse_bad_parameters_with_the_field_named()
    {
        var brand = Guid.CreateVersion7();

        var export = await Service.SendAsync(HttpMethod.Get, "/api/ledger/export.csv?from=yesterday", brand);
        var trial = await Service.SendAsync(HttpMethod.Get, "/api/ledger/trial-balance?at=soon", brand);
        var statement = await Service.SendAsync(HttpMethod.Get, $"/api/ledger/creators/{Guid.CreateVersion7()}/statement?currency=dollars", brand);
        var unknownCreator = await Service.SendAsync(HttpMethod.Get, $"/api/ledger/creators/{Guid.CreateVersion7()}/statement", brand);

        Assert.Equal(["from", "to"], await export.ErrorFieldsAsync());
        Assert.Equal(["at"], await trial.ErrorFieldsAsync());
        Assert.Equal(["currency"], await statement.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknownCreator.StatusCode);
    }
}
