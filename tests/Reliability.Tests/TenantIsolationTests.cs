using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Reliability.Tests;

/// <summary>
/// Brand B's admin key (every brand role) can neither read nor change brand A's
/// data, on every route of the table. The cases come from the route table, so a new endpoint is
/// covered as soon as its row exists.
/// </summary>
[Collection(TwoBrandsCollection.Name)]
public sealed class TenantIsolationTests(TwoBrandsFixture fixture)
{
    [Fact]
    public async Task Brand_B_can_neither_read_nor_change_brand_A_data_on_any_route()
    {
        var cases = RouteCases.For(fixture.RunningServices, fixture.BrandA.Samples);
        var before = await BrandSnapshot.TakeAsync(fixture.BrandA.Admin, cases);
        var failures = new List<string>();

        foreach (var call in cases)
        {
            var (status, body) = await fixture.BrandB.SendRawAsync(
                new HttpMethod(call.Method), call.Path, call.HasBody ? JsonContent.Create(new { }) : null);
            var failure = Judge(call, status, body);
            if (failure is not null)
            {
                failures.Add($"{call}: {failure} ({(int)status}) {Cut(body)}");
            }
        }

        var after = await BrandSnapshot.TakeAsync(fixture.BrandA.Admin, cases);
        Assert.True(cases.Count > 40, $"only {cases.Count} route cases were generated");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases leaked or failed:\n" + string.Join("\n", failures));
        var changes = BrandSnapshot.Differences(before, after);
        Assert.True(changes.Count == 0, "brand A's data changed:\n" + string.Join("\n", changes));
    }

    /// <summary>
    /// The deliveries row with a delivery that exists: brand A's sample was really sent to the receiver and
    /// succeeded, and brand B can neither read its log nor replay it (the one command on a delivery),
    /// which would send it again and reopen it.
    /// </summary>
    [Fact]
    public async Task Brand_B_can_neither_read_nor_replay_a_real_delivery_of_brand_A()
    {
        var deliveries = $"/api/webhooks/{fixture.BrandA.Samples["webhooks"]}/deliveries";
        var deliveryId = fixture.BrandA.Samples["deliveries"];
        var (readStatus, before) = await fixture.BrandA.Admin.SendRawAsync(HttpMethod.Get, deliveries);
        Assert.Equal(HttpStatusCode.OK, readStatus);
        var delivery = Assert.Single(JsonDocument.Parse(before).RootElement.EnumerateArray());
        Assert.Equal(deliveryId, delivery.GetProperty("id").GetString());
        Assert.Equal("succeeded", delivery.GetProperty("status").GetString());
        Assert.Equal(BrandWorld.DeliveredEventType, delivery.GetProperty("eventType").GetString());
        Assert.Contains(delivery.GetProperty("webhookId").GetString(), fixture.Receiver.ReceivedWebhookIds);

        var (replayStatus, replayBody) = await fixture.BrandB.SendRawAsync(HttpMethod.Post, $"{deliveries}/{deliveryId}/replay");
        var (logStatus, logBody) = await fixture.BrandB.SendRawAsync(HttpMethod.Get, deliveries);

        Assert.True(replayStatus == HttpStatusCode.NotFound, $"brand B's replay of brand A's delivery: {(int)replayStatus} {Cut(replayBody)}");
        Assert.True(logStatus == HttpStatusCode.NotFound, $"brand B's read of brand A's deliveries: {(int)logStatus} {Cut(logBody)}");
        // A replay would have reopened the delivery (pending) or, once resent, added an attempt to its log.
        var (_, after) = await fixture.BrandA.Admin.SendRawAsync(HttpMethod.Get, deliveries);
        Assert.Equal(before, after);
    }

    /// <summary>Null when the answer keeps brand A's data private; else why not.</summary>
    private string? Judge(RouteCase call, HttpStatusCode status, string body)
    {
        if ((int)status >= 500)
        {
            return "server error";
        }

        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return "an admin key of another brand should pass authorization and find nothing";
        }

        // An id the request itself carried may be echoed (a 404's detail names it); any other is a leak.
        var leaked = fixture.BrandA.Samples.Values.FirstOrDefault(id =>
            body.Contains(id, StringComparison.OrdinalIgnoreCase) && !call.Path.Contains(Uri.EscapeDataString(id), StringComparison.OrdinalIgnoreCase));
        if (leaked is not null)
        {
            return $"the answer names brand A's {leaked}";
        }

        // A request on one of A's resources must not succeed; a list or a create of B's own may.
        return call.HasResourceIds && (int)status < 400 ? "succeeded on brand A's resource" : null;
    }

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
