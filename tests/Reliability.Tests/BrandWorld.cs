using System.Text.Json;
using AmbassadorNet.SystemTestKit;
using AmbassadorNet.TestKit.Waiting;

namespace Reliability.Tests;

/// <summary>
/// One brand with one of every resource the public API has, built through the gateway as the brand's
/// tools would. <see cref="Samples"/> names each resource by the collection segment that precedes its
/// id in a route (<c>/api/campaigns/{id}</c> → "campaigns"), so route cases can be generated from the
/// route table.
/// </summary>
public sealed class BrandWorld
{
    private BrandWorld(GatewayClient admin, IReadOnlyDictionary<string, string> samples, GatewayClient creator, GatewayClient otherCreator)
    {
        Admin = admin;
        Samples = samples;
        Creator = creator;
        OtherCreator = otherCreator;
    }

    public GatewayClient Admin { get; }

    /// <summary>The credential of the creator all the samples belong to (their enrollment, deliverable, post, link, code, ledger, payout-profile proposal).</summary>
    public GatewayClient Creator { get; }

    /// <summary>A credential of a second approved creator of the brand, who owns nothing of the samples.</summary>
    public GatewayClient OtherCreator { get; }

    /// <summary>Collection segment → the id of this brand's resource in it.</summary>
    public IReadOnlyDictionary<string, string> Samples { get; }

    /// <param name="hookUrl">A receiver answering 200 (<see cref="WebhookReceiver"/>): the brand's webhook points at it.</param>
    public static async Task<BrandWorld> BuildAsync(GatewayClient admin, IReadOnlySet<string> runningServices, string handle, string hookUrl)
    {
        var samples = new Dictionary<string, string>(StringComparer.Ordinal);
        var analyst = await admin.SendAsync(HttpMethod.Post, "/api/api-keys", new { name = "analyst", roles = new[] { "analyst" } });
        samples["api-keys"] = Id(analyst);
        samples["members"] = Id(await admin.SendAsync(HttpMethod.Post, "/api/members", new { name = $"Finance of {handle}", email = $"finance-{handle}@example.com", roles = new[] { "finance" } }));

        var creator = await admin.SendAsync(HttpMethod.Post, "/api/creators", new
        {
            displayName = $"Creator {handle}", email = $"{handle}@example.com", country = "US", niches = new[] { "fitness" },
            socialAccounts = new[] { new { platform = "instagram", handle, followers = 25_000, averageLikes = 900, averageComments = 60 } },
        });
        var creatorId = Id(creator);
        samples["creators"] = creatorId;
        samples["holds"] = creatorId;
        await admin.SendAsync(HttpMethod.Post, $"/api/creators/{creatorId}/approve");
        var creatorCredential = await admin.WithCreatorCredentialAsync($"{handle}'s own access", creatorId);
        // Left pending: a confirm or reject by anyone but the brand's finance would show in the snapshots.
        samples["proposals"] = Id(await creatorCredential.SendAsync(HttpMethod.Post, "/api/me/payout-profile/proposals", new
        {
            method = "wise", currency = "USD", payeeReference = $"WISE-{handle}", taxFormStatus = "submitted",
        }));
        var other = Id(await admin.SendAsync(HttpMethod.Post, "/api/creators", new
        {
            displayName = $"Other of {handle}", email = $"other-{handle}@example.com", country = "US", niches = new[] { "fitness" },
            socialAccounts = new[] { new { platform = "instagram", handle = $"other{handle}", followers = 12_000, averageLikes = 400, averageComments = 20 } },
        }));
        await admin.SendAsync(HttpMethod.Post, $"/api/creators/{other}/approve");
        var otherCredential = await admin.WithCreatorCredentialAsync($"other {handle}'s own access", other);

        var campaign = await admin.SendAsync(HttpMethod.Post, "/api/campaigns", new
        {
            name = $"Campaign of {handle}", objective = "sales", currency = "USD", budget = 5_000, destinationUrl = "https://shop.example.com/",
            allowedDomains = new[] { "example.com" }, commissionPlan = new { kind = "percent", percent = 10 },
        });
        var campaignId = Id(campaign);
        samples["campaigns"] = campaignId;
        await admin.SendAsync(HttpMethod.Post, $"/api/campaigns/{campaignId}/launch");
        var enrollment = await admin.EventuallyAsync(HttpMethod.Post, $"/api/campaigns/{campaignId}/enrollments", new { creatorId }, "campaigns to learn of the approval");
        var enrollmentId = Id(enrollment);
        samples["enrollments"] = enrollmentId;
        await admin.SendAsync(HttpMethod.Post, $"/api/campaigns/{campaignId}/enrollments/{enrollmentId}/accept");
        var deliverable = await admin.SendAsync(HttpMethod.Post, $"/api/campaigns/{campaignId}/enrollments/{enrollmentId}/deliverables", new { type = "post", dueDate = "2030-01-31" });
        samples["deliverables"] = Id(deliverable);
        // No link or code of its own: the world's lists of links and codes hold one item each.
        var post = await admin.SendAsync(HttpMethod.Post, "/api/posts", new
        {
            enrollmentId, platform = "instagram", format = "reel", url = $"https://www.instagram.com/reel/{Guid.NewGuid():N}/",
            publishedAt = DateTimeOffset.UtcNow.AddHours(-1), language = "en", market = "US", trackingLink = false,
        });
        samples["posts"] = Id(post);
        var template = await admin.SendAsync(HttpMethod.Post, "/api/agreement-templates", new { name = "Ambassador terms", text = "{{creator.name}} posts for {{campaign.name}}." });
        samples["agreement-templates"] = Id(template);
        samples["agreements"] = Id(await admin.SendAsync(HttpMethod.Post, "/api/agreements", new { enrollmentId, templateId = samples["agreement-templates"] }));
        var gift = await admin.SendAsync(HttpMethod.Post, "/api/gifts", new { enrollmentId, postId = samples["posts"], product = "Sample box", sku = "SB-1", quantity = 1, unitValue = 20m });
        samples["gifts"] = Id(gift);
        var experiment = await admin.SendAsync(HttpMethod.Post, "/api/experiments", new
        {
            campaignId, name = "Reels against stories", control = "story",
            variants = new[] { new { key = "story", name = "Stories" }, new { key = "reel", name = "Reels" } },
        });
        samples["experiments"] = Id(experiment);
        var exclusivity = await creatorCredential.SendAsync(HttpMethod.Post, "/api/me/exclusivities", new
        {
            category = "energy-drinks", startsOn = DateOnly.FromDateTime(DateTime.UtcNow), endsOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(90)),
        });
        samples["exclusivities"] = Id(exclusivity);

        var link = await OnlyItemAsync(admin, "/api/links", "tracking to issue the link");
        samples["links"] = Id(link);
        var promo = await OnlyItemAsync(admin, "/api/promo-codes", "tracking to issue the promo code");
        samples["promo-codes"] = Id(promo);

        // The order below is attributed to the promo code, so exactly one event of this type is delivered.
        var webhook = await admin.SendAsync(HttpMethod.Post, "/api/webhooks", new { url = hookUrl, eventTypes = new[] { DeliveredEventType } });
        samples["webhooks"] = Id(webhook);

        samples["conversions"] = $"order-{handle}";
        await admin.SendAsync(HttpMethod.Post, "/api/conversions", new
        {
            orderId = samples["conversions"], amount = 120.00m, currency = "USD", orderedAt = DateTimeOffset.UtcNow,
            promoCode = promo.GetProperty("code").GetString(),
        });

        // Without the payouts service (a system declared without it) these ids exist nowhere.
        samples["batches"] = Guid.NewGuid().ToString();
        samples["adjustments"] = Guid.NewGuid().ToString();
        samples["commission-override/proposals"] = Guid.NewGuid().ToString();
        if (runningServices.Contains("payouts"))
        {
            // Four eyes are two people: a member of finance asks, the admin approves.
            var finance = await admin.WithMemberAsync($"Finance desk of {handle}", "finance");
            var adjustment = await finance.SendAsync(HttpMethod.Post, "/api/ledger/adjustments", new { creatorId, amount = 5.00m, currency = "USD", reason = "welcome bonus" });
            samples["adjustments"] = Id(adjustment);
            samples["batches"] = await PayoutBatchAsync(admin, creatorId, samples["adjustments"], handle);
            samples["commission-override/proposals"] = await HeldOverrideAsync(admin, $"/api/campaigns/{campaignId}/enrollments/{enrollmentId}/commission-override");
        }

        samples["deliveries"] = Id(await SucceededDeliveryAsync(admin, samples["webhooks"]));
        if (runningServices.Contains("analytics"))
        {
            // So the brand's reads of them hold still between snapshots.
            await KnownToAnalyticsAsync(admin, $"/api/analytics/posts/{samples["posts"]}/summary", "the post");
            await KnownToAnalyticsAsync(admin, $"/api/analytics/experiments/{samples["experiments"]}/report", "the experiment");
        }

        samples["entries"] = runningServices.Contains("audit") ? await AnchoredAuditEntryAsync(admin) : Guid.NewGuid().ToString();
        return new BrandWorld(admin, samples, creatorCredential, otherCredential);
    }

    /// <summary>
    /// One of the brand's audit entries, once the world's changes are all in the trail and its head is
    /// anchored (the fixture anchors every second), so the brand's reads of the trail, its anchors and its
    /// verification hold still between the isolation test's snapshots.
    /// </summary>
    private static async Task<string> AnchoredAuditEntryAsync(GatewayClient admin)
    {
        async Task<(long Head, long Anchored)> HeadsAsync()
        {
            var entries = (await admin.SendAsync(HttpMethod.Get, "/api/audit/entries?limit=1")).GetProperty("items");
            var anchors = (await admin.SendAsync(HttpMethod.Get, "/api/audit/anchors?limit=1")).GetProperty("items");
            return (entries.GetArrayLength() == 0 ? 0 : entries[0].GetProperty("seq").GetInt64(), anchors.GetArrayLength() == 0 ? 0 : anchors[0].GetProperty("seq").GetInt64());
        }

        var heads = await Eventually.SettledAsync(_ => HeadsAsync(), "the audit trail to take the world's changes");
        heads = await Eventually.UntilAsync(_ => HeadsAsync(), h => h.Head > 0 && h.Anchored == h.Head, $"the audit trail's head ({heads.Head}) to be anchored");
        var entry = (await admin.SendAsync(HttpMethod.Get, $"/api/audit/entries?seq={heads.Head}")).GetProperty("items")[0];
        return Id(entry);
    }

    /// <summary>The only event type the brand's webhook subscribes to: the world's order causes one.</summary>
    public const string DeliveredEventType = "conversion.attributed";

    /// <summary>
    /// Waits, through the gateway, for the order's delivery to have succeeded: a succeeded delivery is
    /// never retried, so the brand's reads of it stay the same between the isolation test's snapshots.
    /// </summary>
    private static async Task<JsonElement> SucceededDeliveryAsync(GatewayClient admin, string webhookId)
    {
        var deliveries = await Eventually.UntilAsync(
            _ => admin.SendAsync(HttpMethod.Get, $"/api/webhooks/{webhookId}/deliveries"),
            list => list.GetArrayLength() == 1 && list[0].GetProperty("status").GetString() == "succeeded",
            $"the {DeliveredEventType} delivery of the order to succeed",
            interval: TimeSpan.FromMilliseconds(250));
        return deliveries[0];
    }

    /// <summary>
    /// A real batch, so the isolation cases read and change an existing resource of this brand: the
    /// approved adjustment is available to pay, and the creator gets a verified payout profile.
    /// </summary>
    private static async Task<string> PayoutBatchAsync(GatewayClient admin, string creatorId, string adjustmentId, string handle)
    {
        await admin.SendAsync(HttpMethod.Post, $"/api/ledger/adjustments/{adjustmentId}/approve");
        await admin.SendAsync(HttpMethod.Put, $"/api/creators/{creatorId}/payout-profile", new
        {
            method = "paypal", currency = "USD", payeeReference = $"PP-{handle}", taxFormStatus = "verified",
        });
        // The profile reaches payouts as an event; a run before it arrives excludes the creator, so
        // each attempt is the run of a new period end.
        var run = await Eventually.UntilAsync(
            _ => admin.SendAsync(HttpMethod.Post, "/api/payouts/runs", new { periodEnd = DateTimeOffset.UtcNow }),
            r => r.GetProperty("batches").GetArrayLength() == 1, "payouts to learn of the payout profile and batch the adjustment");
        return Id(run.GetProperty("batches")[0]);
    }

    /// <summary>
    /// A raise of the enrollment's commission held for approval, left pending. The brand's policy reaches campaigns
    /// as an event; until it does a raise is set at once, so each attempt raises a little more.
    /// </summary>
    private static async Task<string> HeldOverrideAsync(GatewayClient admin, string overridePath)
    {
        await admin.SendAsync(HttpMethod.Put, "/api/payouts/approval-policy", new
        {
            adjustments = new { approvals = 1 }, payoutBatches = new { approvals = 1 }, commissionOverrides = new { approvals = 1 },
        });
        var percent = 10;
        var held = await Eventually.UntilAsync(
            _ => admin.SendAsync(HttpMethod.Put, overridePath, new { commissionPlan = new { kind = "percent", percent = ++percent } }),
            r => r.TryGetProperty("approvalsRequired", out _), "campaigns to learn of the approval policy and hold the raise");
        return Id(held);
    }

    private static Task KnownToAnalyticsAsync(GatewayClient admin, string path, string what) =>
        Eventually.UntilAsync(async _ =>
        {
            try
            {
                await admin.SendAsync(HttpMethod.Get, path);
                return true;
            }
            catch (HttpRequestException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return false;
            }
        }, $"analytics to learn of {what}");

    private static string Id(JsonElement resource) => resource.GetProperty("id").ToString();

    private static async Task<JsonElement> OnlyItemAsync(GatewayClient admin, string path, string what)
    {
        var list = await Eventually.UntilAsync(_ => admin.SendAsync(HttpMethod.Get, path), l => l.GetProperty("items").GetArrayLength() == 1, what);
        return list.GetProperty("items")[0];
    }
}
