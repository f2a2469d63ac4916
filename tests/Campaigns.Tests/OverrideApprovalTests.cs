using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.Contracts.Payouts;
using AmbassadorNet.Messaging.Inbox;
using AmbassadorNet.Security;
using AmbassadorNet.TestKit.Waiting;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Tests;

/// <summary>
/// A member's commission override that raises what an enrollment pays, held for other members' approval when the
/// brand's approval policy asks (issue #32, commissionOverrides; the policy comes from payouts as ApprovalPolicyChanged).
/// The campaign pays 10%.
/// </summary>
public sealed class OverrideApprovalTests(CampaignsService service) : IClassFixture<CampaignsService>
{
    private static readonly DateTimeOffset LongAgo = DateTimeOffset.UnixEpoch.AddDays(1);

    [Fact]
    public async Task Without_a_policy_a_raise_is_set_at_once_as_before()
    {
        var (brand, path) = await EnrollmentAsync();

        using var raised = await service.SendAsAsync(HttpMethod.Put, Override(path), brand, Member(), Percent(15), Roles.Manager);

        Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        Assert.Equal(15m, (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("commissionOverride").GetProperty("percent").GetDecimal());
        Assert.Equal(1, await CountAsync(brand, "EnrollmentTermsChanged"));
    }

    [Fact]
    public async Task With_one_approval_a_raise_waits_for_another_member_while_lowering_applies_at_once()
    {
        var (brand, path) = await EnrollmentAsync();
        await PolicyAsync(brand, 1, DateTimeOffset.UtcNow);
        var alice = Member();

        using var lowered = await service.SendAsAsync(HttpMethod.Put, Override(path), brand, alice, Percent(5), Roles.Manager);
        using var held = await service.SendAsAsync(HttpMethod.Put, Override(path), brand, alice, Percent(15), Roles.Manager);
        var proposal = await held.Content.ReadFromJsonAsync<JsonElement>();
        var approve = $"{path}/commission-override/proposals/{proposal.GetProperty("id").GetGuid()}/approve";
        var unchanged = await service.ReadAsync(HttpMethod.Get, path, brand);
        var termsChangedWhileHeld = await CountAsync(brand, "EnrollmentTermsChanged");
        using var byAlice = await service.SendAsAsync(HttpMethod.Post, approve, brand, alice, null, Roles.Manager);
        using var byMachine = await service.SendAsAsync(HttpMethod.Post, approve, brand, InternalCaller.Machine(Guid.CreateVersion7(), LongAgo), null, Roles.Manager);
        var bob = Member();
        var approved = await ReadAsAsync(brand, bob, approve);
        using var again = await service.SendAsAsync(HttpMethod.Post, approve, brand, Member(), null, Roles.Manager);
        var enrollment = await service.ReadAsync(HttpMethod.Get, path, brand);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Accepted), (lowered.StatusCode, held.StatusCode));
        Assert.Equal(("pending", 15m, 1, alice.MemberId, alice.KeyId), (proposal.Str("status"), proposal.GetProperty("commissionPlan").GetProperty("percent").GetDecimal(),
            proposal.GetProperty("approvalsRequired").GetInt32(), proposal.GetProperty("requestedByMemberId").GetGuid(), proposal.GetProperty("requestedByKeyId").GetGuid()));
        Assert.Equal(JsonValueKind.Null, proposal.GetProperty("effectiveFrom").ValueKind); // from its last approval
        Assert.Empty(proposal.GetProperty("approvals").EnumerateArray());
        Assert.Equal(5m, unchanged.GetProperty("commissionOverride").GetProperty("percent").GetDecimal());
        Assert.Equal(1, termsChangedWhileHeld); // the lowering only
        Assert.Equal((HttpStatusCode.Forbidden, ApprovalRules.ApproverIsNotRequester), (byAlice.StatusCode, await RuleAsync(byAlice)));
        Assert.Equal((HttpStatusCode.Forbidden, ApprovalRules.ApproverIsMember), (byMachine.StatusCode, await RuleAsync(byMachine)));
        Assert.Equal(("approved", bob.MemberId), (approved.Str("status"), approved.GetProperty("decidedByMemberId").GetGuid()));
        Assert.Equal(bob.MemberId, Assert.Single(approved.GetProperty("approvals").EnumerateArray()).GetProperty("memberId").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(15m, enrollment.GetProperty("commissionOverride").GetProperty("percent").GetDecimal());
        Assert.Equal((2, 1, 1), (await CountAsync(brand, "EnrollmentTermsChanged"), await CountAsync(brand, "EnrollmentCommissionOverrideProposed"),
            await CountAsync(brand, "EnrollmentCommissionOverrideApproved")));
    }

    [Fact]
    public async Task With_two_approvals_two_distinct_members_approve_and_the_same_member_twice_is_refused()
    {
        var (brand, path) = await EnrollmentAsync();
        await PolicyAsync(brand, 2, DateTimeOffset.UtcNow);
        var effectiveFrom = DateTimeOffset.UtcNow.AddDays(7);

        using var held = await service.SendAsAsync(HttpMethod.Put, Override(path), brand, Member(), new { commissionPlan = new { kind = "flat", flatAmount = 1m }, effectiveFrom }, Roles.Admin);
        var proposal = await held.Content.ReadFromJsonAsync<JsonElement>();
        var approve = $"{path}/commission-override/proposals/{proposal.GetProperty("id").GetGuid()}/approve";
        var bob = Member();
        var first = await ReadAsAsync(brand, bob, approve);
        using var bobAgain = await service.SendAsAsync(HttpMethod.Post, approve, brand, bob, null, Roles.Manager);
        var stillCampaignPlan = await service.ReadAsync(HttpMethod.Get, path, brand);
        var second = await ReadAsAsync(brand, Member(), approve);
        var listed = await service.ReadAsync(HttpMethod.Get, $"{path}/commission-override/proposals?status=approved", brand);
        var enrollment = await service.ReadAsync(HttpMethod.Get, path, brand);

        Assert.Equal(HttpStatusCode.Accepted, held.StatusCode); // a flat 1.00 beats 10% of a small order: a raise
        Assert.Equal(("pending", 1), (first.Str("status"), first.GetProperty("approvals").GetArrayLength()));
        Assert.Equal(HttpStatusCode.Conflict, bobAgain.StatusCode);
        Assert.Equal(JsonValueKind.Null, stillCampaignPlan.GetProperty("commissionOverride").ValueKind);
        Assert.Equal(("approved", 2), (second.Str("status"), second.GetProperty("approvals").GetArrayLength()));
        Assert.Equal(2, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("approvals").GetArrayLength());
        Assert.Equal("flat", enrollment.GetProperty("commissionOverride").Str("kind"));
        Assert.Equal(effectiveFrom.ToUnixTimeMilliseconds(), enrollment.GetProperty("overrideEffectiveFrom").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(1, await CountAsync(brand, "EnrollmentTermsChanged"));
    }

    [Fact]
    public async Task A_rejected_or_superseded_proposal_changes_nothing_and_clearing_an_override_is_a_raise_when_the_campaign_pays_more()
    {
        var (brand, path) = await EnrollmentAsync();
        await service.ReadAsync(HttpMethod.Put, Override(path), brand, Percent(5));
        await PolicyAsync(brand, 1, DateTimeOffset.UtcNow);

        using var cleared = await service.SendAsAsync(HttpMethod.Put, Override(path), brand, Member(), new { commissionPlan = (object?)null }, Roles.Manager);
        using var raised = await service.SendAsAsync(HttpMethod.Put, Override(path), brand, Member(), Percent(8), Roles.Manager);
        var (first, second) = (await IdAsync(cleared), await IdAsync(raised));
        var clearedPlan = JsonDocument.Parse(await cleared.Content.ReadAsStringAsync()).RootElement.GetProperty("commissionPlan").ValueKind;
        var superseded = await service.ReadAsync(HttpMethod.Get, $"{path}/commission-override/proposals/{first}", brand);
        using var rejected = await service.SendAsAsync(HttpMethod.Post, $"{path}/commission-override/proposals/{second}/reject", brand, Member(), new { note = "not this quarter" }, Roles.Manager);
        using var approveRejected = await service.SendAsAsync(HttpMethod.Post, $"{path}/commission-override/proposals/{second}/approve", brand, Member(), null, Roles.Manager);
        var enrollment = await service.ReadAsync(HttpMethod.Get, path, brand);
        var proposedEvents = (await service.EventsAsync(brand)).Where(e => e.MessageType.Contains("EnrollmentCommissionOverrideProposed", StringComparison.Ordinal)).ToList();

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (cleared.StatusCode, raised.StatusCode));
        Assert.Equal(JsonValueKind.Null, clearedPlan);
        Assert.Equal("superseded", superseded.Str("status"));
        Assert.Equal(first, JsonDocument.Parse(proposedEvents[^1].Body).RootElement.GetProperty("supersededProposalId").GetGuid());
        var rejection = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(("rejected", "not this quarter"), (rejection.Str("status"), rejection.Str("note")));
        Assert.Equal(HttpStatusCode.Conflict, approveRejected.StatusCode);
        Assert.Equal(5m, enrollment.GetProperty("commissionOverride").GetProperty("percent").GetDecimal());
        Assert.Equal((1, 1, 0), (await CountAsync(brand, "EnrollmentTermsChanged"), await CountAsync(brand, "EnrollmentCommissionOverrideRejected"),
            await CountAsync(brand, "EnrollmentCommissionOverrideApproved")));
    }

    [Fact]
    public async Task A_proposal_whose_effective_time_has_passed_cannot_be_approved_and_stays_pending()
    {
        var (brand, path) = await EnrollmentAsync();
        await PolicyAsync(brand, 1, DateTimeOffset.UtcNow);

        using var held = await service.SendAsAsync(HttpMethod.Put, Override(path), brand, Member(),
            new { commissionPlan = new { kind = "percent", percent = 20m }, effectiveFrom = DateTimeOffset.UtcNow.AddSeconds(1) }, Roles.Manager);
        var proposal = await IdAsync(held);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        using var late = await service.SendAsAsync(HttpMethod.Post, $"{path}/commission-override/proposals/{proposal}/approve", brand, Member(), null, Roles.Manager);
        var after = await service.ReadAsync(HttpMethod.Get, $"{path}/commission-override/proposals/{proposal}", brand);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(("pending", 0), (after.Str("status"), after.GetProperty("approvals").GetArrayLength()));
        Assert.Equal(0, await CountAsync(brand, "EnrollmentTermsChanged"));
    }

    [Fact]
    public async Task The_same_policy_event_delivered_twice_is_applied_once_and_an_older_one_changes_nothing()
    {
        var brand = Guid.CreateVersion7();
        var (one, id, at) = (new ActionApprovalsState(1, []), Guid.CreateVersion7(), DateTimeOffset.UtcNow);
        var policy = new ApprovalPolicyChanged(brand, at, one, one, null, null, null, new ActionApprovalsState(2, []));

        await service.PublishAsync(policy, id);
        await service.PublishAsync(policy, id);
        await PolicyAsync(brand, 0, at.AddSeconds(-1)); // late and older: ignored
        await PolicyAsync(brand, 3, at); // the same time again: not newer, ignored

        Assert.Equal(1, await service.QueryAsync(brand, db => db.Set<InboxMessage>().CountAsync(i => i.MessageId == id)));
        Assert.Equal(2, await service.QueryAsync(brand, db => db.ApprovalPolicies.Select(p => p.Approvals).SingleAsync()));
    }

    private static object Percent(decimal percent) => new { commissionPlan = new { kind = "percent", percent } };

    private static string Override(string path) => $"{path}/commission-override";

    private static InternalCaller Member() => InternalCaller.Member(Guid.CreateVersion7(), Guid.CreateVersion7(), LongAgo);

    private async Task<int> CountAsync(Guid brand, string eventType) =>
        (await service.EventsAsync(brand)).Count(e => e.MessageType.Contains(eventType, StringComparison.Ordinal));

    /// <summary>Payouts' policy event, published as payouts would, and waited for until this service has handled it (its inbox row).</summary>
    private async Task PolicyAsync(Guid brand, int overrideApprovals, DateTimeOffset at)
    {
        var (one, id) = (new ActionApprovalsState(1, []), Guid.CreateVersion7());
        await service.PublishAsync(new ApprovalPolicyChanged(brand, at, one, one, null, null, null, new ActionApprovalsState(overrideApprovals, [])), id);
        await Eventually.UntilAsync(async _ => await service.QueryAsync(brand, db => db.Set<InboxMessage>().AnyAsync(i => i.MessageId == id)),
            $"the approval policy of {at:O} to reach campaigns");
    }

    /// <summary>A launched campaign paying 10% and an invited creator: the enrollment's path.</summary>
    private async Task<(Guid Brand, string Path)> EnrollmentAsync()
    {
        var brand = Guid.CreateVersion7();
        var campaign = await service.LaunchedAsync(brand);
        var creator = Guid.CreateVersion7();
        await service.PublishAsync(CampaignBodies.Approved(brand, creator));
        await service.ReplicaAtAsync(brand, creator, 2);
        var enrollment = (await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/enrollments", brand, new { creatorId = creator })).GetProperty("id").GetGuid();
        return (brand, $"/api/campaigns/{campaign}/enrollments/{enrollment}");
    }

    private async Task<JsonElement> ReadAsAsync(Guid brand, InternalCaller caller, string path)
    {
        using var response = await service.SendAsAsync(HttpMethod.Post, path, brand, caller, null, Roles.Manager);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<string?> RuleAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("rule", out var rule) ? rule.GetString() : null;
}

internal static class JsonReading
{
    public static string? Str(this JsonElement element, string name) => element.GetProperty(name).GetString();
}
