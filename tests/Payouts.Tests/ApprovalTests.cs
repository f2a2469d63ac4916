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
}
