using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.Contracts.Payouts;
using AmbassadorNet.Messaging.Inbox;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Approvals;
using AmbassadorNet.TestKit.Waiting;
using Microsoft.EntityFrameworkCore;

namespace Creators.Tests;

/// <summary>
/// A change of a creator's payee details by the brand's staff, held for other members' approval when the
/// brand's approval policy asks (issue #32: one finance key could set a payee reference and mark the tax form
/// verified alone). The policy comes from payouts as ApprovalPolicyChanged.
/// </summary>
public sealed class PayeeApprovalTests(CreatorsService service) : IClassFixture<CreatorsService>
{
    private static readonly DateTimeOffset LongAgo = DateTimeOffset.UnixEpoch.AddDays(1);

    [Fact]
    public async Task A_staff_change_of_payee_details_waits_for_two_other_members_and_then_sets_the_profile()
    {
        var (brand, ana) = await CreatorWithProfileAsync(201);
        await PolicyAsync(brand, payeeApprovals: 2, DateTimeOffset.UtcNow);
        var alice = Member();
        var eventsBefore = (await service.EventsAsync(brand)).Count;

        using var held = await service.SendAsAsync(HttpMethod.Put, $"/api/creators/{ana}/payout-profile", brand, alice, Changed, Roles.Finance);
        var proposal = await held.Content.ReadFromJsonAsync<JsonElement>();
        var confirm = $"/api/creators/{ana}/payout-profile/proposals/{proposal.GetProperty("id").GetGuid()}/confirm";
        var unchanged = (await service.ReadAsync(HttpMethod.Get, $"/api/creators/{ana}", brand)).GetProperty("payoutProfile");
        using var byAlice = await service.SendAsAsync(HttpMethod.Post, confirm, brand, alice, null, Roles.Finance);
        using var byMachine = await service.SendAsAsync(HttpMethod.Post, confirm, brand, InternalCaller.Machine(Guid.CreateVersion7(), LongAgo), null, Roles.Finance);
        var bob = Member();
        var first = await ReadAsAsync(brand, bob, confirm);
        using var bobAgain = await service.SendAsAsync(HttpMethod.Post, confirm, brand, bob, null, Roles.Finance);
        var stillOld = (await service.ReadAsync(HttpMethod.Get, $"/api/creators/{ana}", brand)).GetProperty("payoutProfile");
        var second = await ReadAsAsync(brand, Member(), confirm);
        var profile = (await service.ReadAsync(HttpMethod.Get, $"/api/creators/{ana}", brand)).GetProperty("payoutProfile");
        var events = (await service.EventsAsync(brand)).Skip(eventsBefore).Select(e => e.MessageType).ToList();

        Assert.Equal(HttpStatusCode.Accepted, held.StatusCode);
        Assert.Equal(("pending", alice.MemberId, 2, "verified"), (proposal.Str("status"), proposal.GetProperty("proposedByMemberId").GetGuid(),
            proposal.GetProperty("approvalsRequired").GetInt32(), proposal.Str("taxFormStatus")));
        Assert.Equal("pp-old-0201", unchanged.Str("payeeReference"));
        Assert.Equal((HttpStatusCode.Forbidden, ApprovalRules.ApproverIsNotRequester), (byAlice.StatusCode, await RuleAsync(byAlice)));
        Assert.Equal((HttpStatusCode.Forbidden, ApprovalRules.ApproverIsMember), (byMachine.StatusCode, await RuleAsync(byMachine)));
        Assert.Equal("pending", first.Str("status"));
        Assert.Equal(HttpStatusCode.Conflict, bobAgain.StatusCode);
        Assert.Equal("pp-old-0201", stillOld.Str("payeeReference"));
        Assert.Equal("confirmed", second.Str("status"));
        Assert.Equal(("NEW-PAYEE-0201", "verified"), (profile.Str("payeeReference"), profile.Str("taxFormStatus")));
        Assert.Equal(1, events.Count(t => t.Contains("CreatorPayoutProfileChangeProposed", StringComparison.Ordinal)));
        Assert.Equal(1, events.Count(t => t.Contains("CreatorPayoutProfileUpdated", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Without_the_policy_or_without_a_change_the_profile_is_set_at_once_and_an_older_policy_changes_nothing()
    {
        var (brand, ana) = await CreatorWithProfileAsync(202);
        await PolicyAsync(brand, payeeApprovals: 1, DateTimeOffset.UtcNow);
        await PolicyAsync(brand, payeeApprovals: 0, DateTimeOffset.UtcNow.AddHours(-1)); // late and older: ignored

        using var same = await service.SendAsAsync(HttpMethod.Put, $"/api/creators/{ana}/payout-profile", brand, Member(), Profile("pp-old-0202"), Roles.Finance);
        using var held = await service.SendAsAsync(HttpMethod.Put, $"/api/creators/{ana}/payout-profile", brand, Member(), Changed, Roles.Finance);
        await PolicyAsync(brand, payeeApprovals: 0, DateTimeOffset.UtcNow.AddMinutes(1));
        using var atOnce = await service.SendAsAsync(HttpMethod.Put, $"/api/creators/{ana}/payout-profile", brand, Member(), Changed, Roles.Finance);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Accepted, HttpStatusCode.OK), (same.StatusCode, held.StatusCode, atOnce.StatusCode));
        Assert.Equal("NEW-PAYEE-0201", (await atOnce.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("payoutProfile").Str("payeeReference"));
    }

    [Fact]
    public async Task The_member_linked_to_the_creator_cannot_confirm_the_creators_own_proposal_and_nothing_changes_until_another_member_does()
    {
        var (brand, fay) = await CreatorWithProfileAsync(203);
        var fayTheMember = Member() with { MemberCreatorId = fay };
        using var proposed = await service.SendAsCreatorAsync(HttpMethod.Post, "/api/me/payout-profile/proposals", brand, fay, Proposals.Wise);
        var confirm = $"/api/creators/{fay}/payout-profile/proposals/{(await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()}/confirm";
        var eventsBefore = (await service.EventsAsync(brand)).Count;

        using var byFay = await service.SendAsAsync(HttpMethod.Post, confirm, brand, fayTheMember, null, Roles.Finance);
        var afterRefusal = await StateAsync(brand, fay);
        var eventsAfterRefusal = (await service.EventsAsync(brand)).Count;
        var byAnother = await ReadAsAsync(brand, Member(), confirm);
        var profile = (await service.ReadAsync(HttpMethod.Get, $"/api/creators/{fay}", brand)).GetProperty("payoutProfile");

        Assert.Equal((HttpStatusCode.Forbidden, ApprovalRules.ApproverIsNotThePayee), (byFay.StatusCode, await RuleAsync(byFay)));
        Assert.Equal(("pp-old-0203", "Pending", 0), afterRefusal);
        Assert.Equal(eventsBefore, eventsAfterRefusal);
        Assert.Equal("confirmed", byAnother.Str("status"));
        Assert.Equal("WISE-ana-77810", profile.Str("payeeReference"));
    }

    [Fact]
    public async Task A_linked_members_own_change_of_that_creators_payee_details_is_held_for_another_member_though_the_policy_asks_for_none()
    {
        var (brand, fay) = await CreatorWithProfileAsync(204);
        var (_, ben) = await CreatorWithProfileAsync(205, brand);
        var fayTheMember = Member() with { MemberCreatorId = fay };

        using var held = await service.SendAsAsync(HttpMethod.Put, $"/api/creators/{fay}/payout-profile", brand, fayTheMember, Changed, Roles.Finance);
        var proposal = await held.Content.ReadFromJsonAsync<JsonElement>();
        var confirm = $"/api/creators/{fay}/payout-profile/proposals/{proposal.GetProperty("id").GetGuid()}/confirm";
        using var byFay = await service.SendAsAsync(HttpMethod.Post, confirm, brand, fayTheMember, null, Roles.Finance);
        var afterRefusal = await StateAsync(brand, fay);
        var byAnother = await ReadAsAsync(brand, Member(), confirm);
        var fayProfile = (await service.ReadAsync(HttpMethod.Get, $"/api/creators/{fay}", brand)).GetProperty("payoutProfile");
        // Another creator's details, by the linked member, and Fay's by an unlinked member: no policy, no hold.
        using var bensByFay = await service.SendAsAsync(HttpMethod.Put, $"/api/creators/{ben}/payout-profile", brand, fayTheMember, Profile("pp-ben-0205"), Roles.Finance);
        using var faysByAnother = await service.SendAsAsync(HttpMethod.Put, $"/api/creators/{fay}/payout-profile", brand, Member(), Profile("pp-fay-0204"), Roles.Finance);

        Assert.Equal(HttpStatusCode.Accepted, held.StatusCode);
        Assert.Equal(("pending", fayTheMember.MemberId, 1), (proposal.Str("status"), proposal.GetProperty("proposedByMemberId").GetGuid(), proposal.GetProperty("approvalsRequired").GetInt32()));
        Assert.Equal((HttpStatusCode.Forbidden, ApprovalRules.ApproverIsNotThePayee), (byFay.StatusCode, await RuleAsync(byFay)));
        Assert.Equal(("pp-old-0204", "Pending", 0), afterRefusal);
        Assert.Equal("confirmed", byAnother.Str("status"));
        Assert.Equal("NEW-PAYEE-0201", fayProfile.Str("payeeReference"));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (bensByFay.StatusCode, faysByAnother.StatusCode));
        Assert.Equal("pp-ben-0205", (await bensByFay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("payoutProfile").Str("payeeReference"));
        Assert.Equal("pp-fay-0204", (await faysByAnother.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("payoutProfile").Str("payeeReference"));
    }

    [Fact]
    public async Task The_same_policy_event_delivered_twice_is_applied_once_and_a_later_one_replaces_it()
    {
        var brand = Guid.CreateVersion7();
        var (one, id, at) = (new ActionApprovalsState(1, []), Guid.CreateVersion7(), DateTimeOffset.UtcNow);
        var policy = new ApprovalPolicyChanged(brand, at, one, one, null, null, new ActionApprovalsState(2, []));

        await service.PublishAsync(policy, id);
        await service.PublishAsync(policy, id);
        await PolicyAsync(brand, payeeApprovals: 3, at.AddSeconds(1));

        Assert.Equal(1, await service.QueryAsync(brand, db => db.Set<InboxMessage>().CountAsync(i => i.MessageId == id)));
        Assert.Equal(3, await service.QueryAsync(brand, db => db.ApprovalPolicies.Select(p => p.Approvals).SingleAsync()));
    }

    private static object Changed => Profile("NEW-PAYEE-0201");

    private static object Profile(string payee) => new { method = "paypal", currency = "USD", payeeReference = payee, taxFormStatus = "verified" };

    private static InternalCaller Member() => InternalCaller.Member(Guid.CreateVersion7(), Guid.CreateVersion7(), LongAgo);

    /// <summary>Payouts' policy event, published as payouts would, and waited for until this service has handled it (its inbox row).</summary>
    private async Task PolicyAsync(Guid brand, int payeeApprovals, DateTimeOffset at)
    {
        var (one, id) = (new ActionApprovalsState(1, []), Guid.CreateVersion7());
        await service.PublishAsync(new ApprovalPolicyChanged(brand, at, one, one, null, null, new ActionApprovalsState(payeeApprovals, [])), id);
        await Eventually.UntilAsync(async _ => await service.QueryAsync(brand, db => db.Set<InboxMessage>().AnyAsync(i => i.MessageId == id)),
            $"the approval policy of {at:O} to reach creators");
    }

    private async Task<(Guid Brand, Guid Creator)> CreatorWithProfileAsync(int n, Guid? inBrand = null)
    {
        var brand = inBrand ?? Guid.CreateVersion7();
        var creator = await service.ApplyAsync(brand, Applicants.Creator(n));
        await service.ReadAsync(HttpMethod.Put, $"/api/creators/{creator}/payout-profile", brand, Profile($"pp-old-{n:0000}"));
        return (brand, creator);
    }

    /// <summary>The creator's payee reference, their newest proposal's status and how many approvals it has: what a refused confirmation must leave as it was.</summary>
    private Task<(string? Payee, string Status, int Approvals)> StateAsync(Guid brand, Guid creator) => service.QueryAsync(brand, async db =>
    {
        var proposal = await db.Proposals.OrderByDescending(p => p.ProposedAt).FirstAsync(p => p.CreatorId == creator);
        var approvals = await db.Set<Approval>().CountAsync(a => a.SubjectId == proposal.Id);
        var payee = await db.Creators.Where(c => c.Id == creator).Select(c => c.PayoutProfile!.PayeeReference).SingleAsync();
        return (payee, proposal.Status.ToString(), approvals);
    });

    private async Task<JsonElement> ReadAsAsync(Guid brand, InternalCaller caller, string path)
    {
        using var response = await service.SendAsAsync(HttpMethod.Post, path, brand, caller, null, Roles.Finance);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<string?> RuleAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("rule", out var rule) ? rule.GetString() : null;
}
