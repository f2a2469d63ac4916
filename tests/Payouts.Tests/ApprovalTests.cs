using System.Net;
using AmbassadorNet.Security;
using AmbassadorNet.Security.Testing;

namespace Payouts.Tests;

/// <summary>
/// Four eyes are two people (issue #32): an adjustment or a payout batch is approved only by another
/// member, with a key issued before the request and not by the requester. Each refusal names its
/// rule and changes nothing; the member who approved is recorded.
/// </summary>
public sealed class ApprovalTests(PayoutsService service) : LedgerTest(service), IClassFixture<PayoutsService>
{
    private static readonly DateTimeOffset LongAgo = DateTimeOffset.UnixEpoch.AddDays(1);

    [Fact]
    public async Task Every_way_around_four_eyes_is_refused_by_name_and_posts_nothing_until_another_member_approves()
    {
        var (brand, creator) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var alice = InternalCaller.Member(Guid.CreateVersion7(), Guid.CreateVersion7(), LongAgo);
        var requested = await Service.SendAsAsync(HttpMethod.Post, "/api/ledger/adjustments", brand, alice,
            new { creatorId = creator, currency = "USD", amount = 5000m, reason = "Goodwill" }, Roles.Admin);
        var adjustment = JsonDocument.Parse(await requested.Content.ReadAsStringAsync()).RootElement;
        var (id, requestedAt) = (adjustment.GetProperty("id").GetGuid(), adjustment.GetProperty("requestedAt").GetDateTimeOffset());
        var approve = $"/api/ledger/adjustments/{id}/approve";

        var attempts = new (InternalCaller Approver, string Rule)[]
        {
            (InternalCaller.Member(alice.MemberId!.Value, Guid.CreateVersion7(), LongAgo), ApprovalRules.ApproverIsNotRequester),
            (InternalCaller.Machine(Guid.CreateVersion7(), LongAgo, alice.MemberId), ApprovalRules.ApproverIsMember),
            (InternalCaller.Member(Guid.CreateVersion7(), Guid.CreateVersion7(), requestedAt.AddMilliseconds(1)), ApprovalRules.KeyIssuedBeforeRequest),
            (InternalCaller.Member(Guid.CreateVersion7(), Guid.CreateVersion7(), LongAgo, alice.MemberId), ApprovalRules.KeyNotIssuedByRequester),
        };
        foreach (var (approver, rule) in attempts)
        {
            var refused = await Service.SendAsAsync(HttpMethod.Post, approve, brand, approver, null, Roles.Admin);
            Assert.Equal((HttpStatusCode.Forbidden, rule), (refused.StatusCode, await refused.RuleAsync()));
        }

        Assert.Equal(0, await Service.QueryAsync(brand, db => db.Transactions.CountAsync()));
        var bob = InternalCaller.Member(Guid.CreateVersion7(), Guid.CreateVersion7(), LongAgo, Guid.CreateVersion7());
        var approved = JsonDocument.Parse(await (await Service.SendAsAsync(HttpMethod.Post, approve, brand, bob, null, Roles.Finance)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("posted", alice.MemberId, bob.MemberId, bob.KeyId), (approved.GetProperty("status").GetString(),
            approved.GetProperty("requestedByMemberId").GetGuid(), approved.GetProperty("approvedByMemberId").GetGuid(), approved.GetProperty("approvedByKeyId").GetGuid()));
    }

    [Fact]
    public async Task A_batch_is_approved_by_another_member_and_not_by_a_key_the_runner_issued_afterwards()
    {
        var desk = new PayoutDesk(Service);
        await desk.PayeeAsync("USD", 80m);
        var runner = InternalCaller.Member(Guid.CreateVersion7(), Guid.CreateVersion7(), LongAgo);
        var run = JsonDocument.Parse(await (await Service.SendAsAsync(HttpMethod.Post, "/api/payouts/runs", desk.Brand, runner,
            new { periodEnd = DateTimeOffset.UtcNow }, Roles.Finance)).Content.ReadAsStringAsync()).RootElement;
        var batch = PayoutDesk.BatchOf(run);
        var approve = $"/api/payouts/batches/{batch}/approve";
        var puppet = InternalCaller.Member(Guid.CreateVersion7(), Guid.CreateVersion7(), DateTimeOffset.UtcNow.AddSeconds(1), runner.MemberId);

        var refused = await Service.SendAsAsync(HttpMethod.Post, approve, desk.Brand, puppet, null, Roles.Admin);
        var stillDraft = (await desk.BatchAsync(batch)).GetProperty("batch").GetProperty("status").GetString();
        var colleague = InternalCaller.Member(Guid.CreateVersion7(), Guid.CreateVersion7(), LongAgo);
        var approved = await Service.SendAsAsync(HttpMethod.Post, approve, desk.Brand, colleague, null, Roles.Admin);
        var view = (await desk.BatchAsync(batch)).GetProperty("batch");

        Assert.Equal((HttpStatusCode.Forbidden, ApprovalRules.KeyIssuedBeforeRequest), (refused.StatusCode, await refused.RuleAsync()));
        Assert.Equal("draft", stillDraft);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(("approved", runner.MemberId, colleague.MemberId), (view.GetProperty("status").GetString(),
            view.GetProperty("createdByMemberId").GetGuid(), view.GetProperty("approvedByMemberId").GetGuid()));
    }

    [Fact]
    public async Task The_policy_starts_at_one_approval_each_and_only_an_admin_changes_it_with_every_bad_field_named()
    {
        var brand = Guid.CreateVersion7();
        var initial = await Service.ReadAsync(HttpMethod.Get, "/api/payouts/approval-policy", brand);
        var byFinance = await Service.SendAsync(HttpMethod.Put, "/api/payouts/approval-policy", brand, Policy(1, 2));
        var bad = await Service.SendAsync(HttpMethod.Put, "/api/payouts/approval-policy", brand, new
        {
            adjustments = new { approvals = 0, above = new[] { new { currency = "usd", amount = -1m, approvals = 9 } } },
            payoutBatches = new { approvals = 2, above = new[] { new { currency = "EUR", amount = 10m, approvals = 1 }, new { currency = "EUR", amount = 10m, approvals = 3 } } },
        }, roles: [Roles.Admin]);
        var empty = await Service.SendAsync(HttpMethod.Put, "/api/payouts/approval-policy", brand, new { }, roles: [Roles.Admin]);

        Assert.Equal((1, 1, JsonValueKind.Null), (initial.GetProperty("adjustments").GetProperty("approvals").GetInt32(),
            initial.GetProperty("payoutBatches").GetProperty("approvals").GetInt32(), initial.GetProperty("updatedAt").ValueKind));
        Assert.Equal(HttpStatusCode.Forbidden, byFinance.StatusCode);
        Assert.Equal(["adjustments.above[0].amount", "adjustments.above[0].approvals", "adjustments.above[0].currency", "adjustments.approvals",
            "payoutBatches.above", "payoutBatches.above[0].approvals"], await bad.ErrorFieldsAsync());
        Assert.Equal(["adjustments.approvals", "payoutBatches.approvals"], await empty.ErrorFieldsAsync()); // a PUT replaces the whole policy
        Assert.Equal(initial.GetRawText(), (await Service.ReadAsync(HttpMethod.Get, "/api/payouts/approval-policy", brand)).GetRawText());
        Assert.DoesNotContain("ApprovalPolicyChanged", await Service.EventTypesAsync(brand));
    }

    [Fact]
    public async Task Above_a_threshold_an_adjustment_needs_two_members_each_once_and_neither_the_puppet_of_the_first()
    {
        var (brand, creator) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await PutPolicyAsync(brand, Policy(1, 1, usdAbove: 1_000m, approvalsAbove: 2));
        await PutPolicyAsync(brand, Policy(1, 1, usdAbove: 1_000m, approvalsAbove: 2)); // the same again: nothing new
        var alice = InternalCaller.Member(Guid.CreateVersion7(), Guid.CreateVersion7(), LongAgo);
        var small = await RequestAsync(brand, alice, creator, 900m);
        var large = await RequestAsync(brand, alice, creator, -5_000m);
        var approve = $"/api/ledger/adjustments/{large.GetProperty("id").GetGuid()}/approve";
        var bob = InternalCaller.Member(Guid.CreateVersion7(), Guid.CreateVersion7(), LongAgo);
        var bobsPuppet = InternalCaller.Member(Guid.CreateVersion7(), Guid.CreateVersion7(), LongAgo, keyIssuedBy: bob.MemberId);
        var carol = InternalCaller.Member(Guid.CreateVersion7(), Guid.CreateVersion7(), LongAgo);

        var first = await ReadAsAsync(brand, bob, approve);
        var bobAgain = await Service.SendAsAsync(HttpMethod.Post, approve, brand, bob, null, Roles.Finance);
        var puppet = await Service.SendAsAsync(HttpMethod.Post, approve, brand, bobsPuppet, null, Roles.Finance);
        var postedBefore = await Service.QueryAsync(brand, db => db.Transactions.CountAsync());
        var second = await ReadAsAsync(brand, carol, approve);

        Assert.Equal((1, 2), (small.GetProperty("approvalsRequired").GetInt32(), large.GetProperty("approvalsRequired").GetInt32()));
        Assert.Equal(("awaiting_approval", bob.MemberId), (first.GetProperty("status").GetString(), first.GetProperty("approvals")[0].GetProperty("memberId").GetGuid()));
        Assert.Equal(HttpStatusCode.Conflict, bobAgain.StatusCode);
        Assert.Equal((HttpStatusCode.Forbidden, ApprovalRules.KeyNotIssuedByRequester), (puppet.StatusCode, await puppet.RuleAsync()));
        Assert.Equal(0, postedBefore);
        Assert.Equal(("posted", carol.MemberId, 2), (second.GetProperty("status").GetString(), second.GetProperty("approvedByMemberId").GetGuid(),
            second.GetProperty("approvals").GetArrayLength()));
        Assert.Equal(1, (await Service.EventTypesAsync(brand)).Count(t => t == "ApprovalPolicyChanged"));
    }

    [Fact]
    public async Task A_batch_the_policy_gives_two_approvals_stays_a_draft_after_the_first()
    {
        var desk = new PayoutDesk(Service);
        await PutPolicyAsync(desk.Brand, Policy(1, 2));
        await desk.PayeeAsync("USD", 80m);
        var batch = PayoutDesk.BatchOf(await desk.RunReadAsync());
        var approve = $"/api/payouts/batches/{batch}/approve";

        var first = await ReadAsAsync(desk.Brand, InternalCaller.Member(Guid.CreateVersion7(), Guid.CreateVersion7(), LongAgo), approve);
        var afterFirst = await desk.BatchAsync(batch);
        var second = await ReadAsAsync(desk.Brand, InternalCaller.Member(Guid.CreateVersion7(), Guid.CreateVersion7(), LongAgo), approve);

        Assert.Equal(("draft", 2), (first.GetProperty("status").GetString(), first.GetProperty("approvalsRequired").GetInt32()));
        Assert.Equal(1, afterFirst.GetProperty("approvals").GetArrayLength());
        Assert.Equal("approved", second.GetProperty("status").GetString());
        Assert.Equal(1, (await Service.EventTypesAsync(desk.Brand)).Count(t => t == "PayoutBatchApproved"));
    }

    [Fact]
    public async Task Commission_overrides_are_held_only_when_set_and_a_policy_saved_without_them_keeps_what_they_were()
    {
        var brand = Guid.CreateVersion7();
        var initial = await Service.ReadAsync(HttpMethod.Get, "/api/payouts/approval-policy", brand);
        var set = await PutReadAsync(brand, new { adjustments = new { approvals = 1 }, payoutBatches = new { approvals = 1 }, commissionOverrides = new { approvals = 2 } });
        var eventsBefore = (await Service.EventsAsync(brand)).Count;
        var bad = await Service.SendAsync(HttpMethod.Put, "/api/payouts/approval-policy", brand, new
        {
            adjustments = new { approvals = 1 }, payoutBatches = new { approvals = 1 },
            commissionOverrides = new { approvals = 6, above = new[] { new { currency = "USD", amount = 1m, approvals = 6 } } },
        }, roles: [Roles.Admin]);
        var olderClient = await PutReadAsync(brand, Policy(2, 1));
        var events = await Service.EventsAsync(brand);

        Assert.Equal(0, initial.GetProperty("commissionOverrides").GetProperty("approvals").GetInt32());
        Assert.Equal(2, set.GetProperty("commissionOverrides").GetProperty("approvals").GetInt32());
        Assert.Equal(["commissionOverrides.above", "commissionOverrides.approvals"], await bad.ErrorFieldsAsync());
        Assert.Equal((2, 2), (olderClient.GetProperty("adjustments").GetProperty("approvals").GetInt32(), olderClient.GetProperty("commissionOverrides").GetProperty("approvals").GetInt32()));
        Assert.Equal(eventsBefore + 1, events.Count); // the refused PUT changed nothing
        var changed = System.Text.Json.JsonDocument.Parse(events[^1].Body).RootElement;
        Assert.Equal(2, changed.GetProperty("commissionOverrides").GetProperty("approvals").GetInt32());
    }

    private static object Policy(int adjustments, int batches, decimal? usdAbove = null, int approvalsAbove = 0) => new
    {
        adjustments = new { approvals = adjustments, above = usdAbove is { } amount ? new[] { new { currency = "USD", amount, approvals = approvalsAbove } } : [] },
        payoutBatches = new { approvals = batches },
    };

    private async Task<System.Text.Json.JsonElement> PutReadAsync(Guid brand, object policy)
    {
        var response = await Service.SendAsync(HttpMethod.Put, "/api/payouts/approval-policy", brand, policy, roles: [Roles.Admin]);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task PutPolicyAsync(Guid brand, object policy)
    {
        var response = await Service.SendAsync(HttpMethod.Put, "/api/payouts/approval-policy", brand, policy, roles: [Roles.Admin]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<JsonElement> RequestAsync(Guid brand, InternalCaller requester, Guid creator, decimal amount) =>
        await ReadAsAsync(brand, requester, "/api/ledger/adjustments", new { creatorId = creator, currency = "USD", amount, reason = "Correction" });

    private async Task<JsonElement> ReadAsAsync(Guid brand, InternalCaller caller, string path, object? body = null)
    {
        var response = await Service.SendAsAsync(HttpMethod.Post, path, brand, caller, body, Roles.Finance);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
