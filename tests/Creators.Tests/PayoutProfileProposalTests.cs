using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.Security;

namespace Creators.Tests;

/// <summary>
/// A creator proposes a payout profile with their own credential; nothing changes until the brand's
/// finance confirms it (then exactly as PUT payout-profile changes it) or rejects it.
/// </summary>
public sealed class PayoutProfileProposalTests(CreatorsService service) : IClassFixture<CreatorsService>
{
    private static readonly object Verified = new { method = "paypal", currency = "USD", payeeReference = "pp-old-0001", taxFormStatus = "verified" };

    [Fact]
    public async Task A_proposal_changes_nothing_until_finance_confirms_it_then_the_profile_and_its_event_carry_it()
    {
        var (brand, ana) = await CreatorWithProfileAsync(1);
        var finance = Guid.CreateVersion7();

        using var proposed = await service.SendAsCreatorAsync(HttpMethod.Post, "/api/me/payout-profile/proposals", brand, ana, Proposals.Wise);
        var proposal = await proposed.Content.ReadFromJsonAsync<JsonElement>();
        var unchanged = (await service.ReadAsync(HttpMethod.Get, $"/api/creators/{ana}", brand)).GetProperty("payoutProfile");
        var proposedEvent = await LastEventAsync(brand, "CreatorPayoutProfileChangeProposed");
        using var confirmed = await Proposals.DecideAsync(service, brand, ana, proposal.GetProperty("id").GetGuid(), "confirm", finance);
        var decided = await confirmed.Content.ReadFromJsonAsync<JsonElement>();
        var profile = (await service.ReadAsync(HttpMethod.Get, $"/api/creators/{ana}", brand)).GetProperty("payoutProfile");
        var updated = await LastEventAsync(brand, "CreatorPayoutProfileUpdated");

        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        Assert.Equal(("pending", "****7810", JsonValueKind.Null), (proposal.Str("status"), proposal.Str("payeeReference"), proposal.GetProperty("taxFormStatus").ValueKind));
        Assert.Equal(("paypal", "pp-old-0001"), (unchanged.Str("method"), unchanged.Str("payeeReference")));
        Assert.Equal(("wise", "EUR", "7810"), (proposedEvent.Str("method"), proposedEvent.Str("currency"), proposedEvent.Str("payeeReferenceLast4")));
        Assert.False(proposedEvent.TryGetProperty("payeeReference", out _));
        Assert.DoesNotContain("WISE-ana", proposedEvent.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(("confirmed", finance, "WISE-ana-77810"), (decided.Str("status"), decided.GetProperty("decidedByKeyId").GetGuid(), decided.Str("payeeReference")));
        Assert.NotEqual(JsonValueKind.Null, decided.GetProperty("decidedAt").ValueKind);
        // Left out of the proposal, the tax-form status stays verified.
        Assert.Equal(("wise", "EUR", "WISE-ana-77810", "verified"), (profile.Str("method"), profile.Str("currency"), profile.Str("payeeReference"), profile.Str("taxFormStatus")));
        Assert.Equal(("wise", "EUR", "WISE-ana-77810", "verified", true),
            (updated.Str("method"), updated.Str("currency"), updated.Str("payeeReference"), updated.Str("taxFormStatus"), updated.GetProperty("isComplete").GetBoolean()));
    }

    [Theory]
    [InlineData("verified")]
    [InlineData("missing")]
    public async Task A_creator_cannot_set_the_tax_form_status_but_to_submitted_and_a_refusal_stores_nothing(string status)
    {
        var (brand, ana) = await CreatorWithProfileAsync(2);
        var eventsBefore = (await service.EventsAsync(brand)).Count;

        using var refused = await service.SendAsCreatorAsync(HttpMethod.Post, "/api/me/payout-profile/proposals", brand, ana,
            new { method = "wise", currency = "EUR", payeeReference = "WISE-ana-77810", taxFormStatus = status });
        var submitted = await service.ReadAsCreatorAsync(HttpMethod.Post, "/api/me/payout-profile/proposals", brand, ana,
            new { method = "wise", currency = "EUR", payeeReference = "WISE-ana-77810", taxFormStatus = "submitted" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["taxFormStatus"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains("\"submitted\"", errors.GetProperty("taxFormStatus")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("submitted", submitted.Str("taxFormStatus"));
        Assert.Single(await Proposals.OfAsync(service, brand, ana));
        Assert.Equal(eventsBefore + 1, (await service.EventsAsync(brand)).Count);
    }

    [Theory]
    [InlineData("{\"method\":\"cheque\",\"currency\":\"EUR\",\"payeeReference\":\"WISE-1\"}", "method")]
    [InlineData("{\"method\":\"wise\",\"currency\":\"euro\",\"payeeReference\":\"WISE-1\"}", "currency")]
    [InlineData("{\"method\":\"wise\",\"currency\":\"EUR\",\"payeeReference\":\"DE89 3704 0044 0532 0130 00\"}", "payeeReference")]
    [InlineData("{\"method\":\"wise\",\"currency\":\"EUR\"}", "payeeReference")]
    public async Task A_proposal_is_checked_as_PUT_payout_profile_checks_and_a_refusal_stores_nothing(string body, string field)
    {
        var (brand, ana) = await CreatorWithProfileAsync(3);

        using var refused = await service.SendAsCreatorAsync(HttpMethod.Post, "/api/me/payout-profile/proposals", brand, ana, JsonDocument.Parse(body).RootElement);
        using var put = await service.SendAsync(HttpMethod.Put, $"/api/creators/{ana}/payout-profile", brand, JsonDocument.Parse(body).RootElement);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (refused.StatusCode, put.StatusCode));
        var (mine, brands) = (await refused.Content.ReadFromJsonAsync<JsonElement>(), await put.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal([field], mine.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(brands.GetProperty("errors").GetRawText(), mine.GetProperty("errors").GetRawText());
        Assert.Empty(await Proposals.OfAsync(service, brand, ana));
    }

    [Fact]
    public async Task A_new_proposal_supersedes_the_pending_one_which_can_then_be_neither_confirmed_nor_rejected()
    {
        var (brand, ana) = await CreatorWithProfileAsync(4);

        var first = (await service.ReadAsCreatorAsync(HttpMethod.Post, "/api/me/payout-profile/proposals", brand, ana, Proposals.Wise)).GetProperty("id").GetGuid();
        var second = (await service.ReadAsCreatorAsync(HttpMethod.Post, "/api/me/payout-profile/proposals", brand, ana,
            new { method = "payoneer", currency = "USD", payeeReference = "PAYO-55-0042" })).GetProperty("id").GetGuid();
        var mine = (await service.ReadAsCreatorAsync(HttpMethod.Get, "/api/me/payout-profile/proposals", brand, ana)).GetProperty("items").EnumerateArray().ToList();
        var pending = (await service.ReadAsCreatorAsync(HttpMethod.Get, "/api/me/payout-profile/proposals?status=pending", brand, ana)).GetProperty("items");
        var secondEvent = await LastEventAsync(brand, "CreatorPayoutProfileChangeProposed");
        using var confirm = await Proposals.DecideAsync(service, brand, ana, first, "confirm", Guid.CreateVersion7());
        using var reject = await Proposals.DecideAsync(service, brand, ana, first, "reject", Guid.CreateVersion7());

        Assert.Equal([(second, "pending", "****0042"), (first, "superseded", "****7810")],
            mine.Select(p => (p.GetProperty("id").GetGuid(), p.Str("status")!, p.Str("payeeReference")!)));
        Assert.NotEqual(JsonValueKind.Null, mine[1].GetProperty("decidedAt").ValueKind);
        Assert.Equal([second], pending.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        Assert.Equal(first, secondEvent.GetProperty("supersededProposalId").GetGuid());
        await AssertConflictAsync(confirm, "superseded");
        await AssertConflictAsync(reject, "superseded");
        Assert.Equal("paypal", (await service.ReadAsync(HttpMethod.Get, $"/api/creators/{ana}", brand)).GetProperty("payoutProfile").Str("method"));
    }

    [Fact]
    public async Task Rejecting_leaves_the_profile_as_it_was_publishes_the_note_and_a_decided_proposal_cannot_be_decided_again()
    {
        var (brand, ana) = await CreatorWithProfileAsync(5);
        var finance = Guid.CreateVersion7();
        var proposal = (await service.ReadAsCreatorAsync(HttpMethod.Post, "/api/me/payout-profile/proposals", brand, ana, Proposals.Wise)).GetProperty("id").GetGuid();
        var eventsBefore = (await service.EventsAsync(brand)).Count;

        using var rejected = await Proposals.DecideAsync(service, brand, ana, proposal, "reject", finance, new { note = "  The Wise account is not in your name.  " });
        var view = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        var rejectedEvent = await LastEventAsync(brand, "CreatorPayoutProfileChangeRejected");
        using var again = await Proposals.DecideAsync(service, brand, ana, proposal, "reject", finance);
        using var confirm = await Proposals.DecideAsync(service, brand, ana, proposal, "confirm", finance);
        var profile = (await service.ReadAsync(HttpMethod.Get, $"/api/creators/{ana}", brand)).GetProperty("payoutProfile");

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(("rejected", "The Wise account is not in your name.", finance), (view.Str("status"), view.Str("note"), view.GetProperty("decidedByKeyId").GetGuid()));
        Assert.Equal((proposal, ana, finance, "The Wise account is not in your name."),
            (rejectedEvent.GetProperty("proposalId").GetGuid(), rejectedEvent.GetProperty("creatorId").GetGuid(), rejectedEvent.GetProperty("rejectedByKeyId").GetGuid(), rejectedEvent.Str("note")));
        await AssertConflictAsync(again, "rejected");
        await AssertConflictAsync(confirm, "rejected");
        Assert.Equal(("paypal", "USD", "pp-old-0001", "verified"), (profile.Str("method"), profile.Str("currency"), profile.Str("payeeReference"), profile.Str("taxFormStatus")));
        Assert.Equal(eventsBefore + 1, (await service.EventsAsync(brand)).Count);
    }

    [Fact]
    public async Task Confirming_twice_is_a_409_naming_the_state_and_publishes_one_profile_event()
    {
        var (brand, ana) = await CreatorWithProfileAsync(6);
        var proposal = (await service.ReadAsCreatorAsync(HttpMethod.Post, "/api/me/payout-profile/proposals", brand, ana, Proposals.Wise)).GetProperty("id").GetGuid();

        using var first = await Proposals.DecideAsync(service, brand, ana, proposal, "confirm", Guid.CreateVersion7());
        using var second = await Proposals.DecideAsync(service, brand, ana, proposal, "confirm", Guid.CreateVersion7());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await AssertConflictAsync(second, "confirmed");
        Assert.Equal(2, (await service.EventsAsync(brand)).Count(e => e.MessageType.Contains("CreatorPayoutProfileUpdated", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Another_creators_proposal_is_a_404_under_any_creator_and_missing_from_every_other_list()
    {
        var (brand, ana) = await CreatorWithProfileAsync(7);
        var ben = await service.ApplyAsync(brand, Applicants.Creator(70));
        var anas = (await service.ReadAsCreatorAsync(HttpMethod.Post, "/api/me/payout-profile/proposals", brand, ana, Proposals.Wise)).GetProperty("id").GetGuid();

        using var underBen = await Proposals.DecideAsync(service, brand, ben, anas, "confirm", Guid.CreateVersion7());
        using var rejectUnderBen = await Proposals.DecideAsync(service, brand, ben, anas, "reject", Guid.CreateVersion7());
        using var otherBrand = await Proposals.DecideAsync(service, Guid.CreateVersion7(), ana, anas, "confirm", Guid.CreateVersion7());
        using var unknownCreator = await service.SendAsync(HttpMethod.Get, $"/api/creators/{Guid.CreateVersion7()}/payout-profile/proposals", brand);
        var bensOwn = await service.ReadAsCreatorAsync(HttpMethod.Get, "/api/me/payout-profile/proposals", brand, ben);
        var bensStaff = await Proposals.OfAsync(service, brand, ben);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            [underBen.StatusCode, rejectUnderBen.StatusCode, otherBrand.StatusCode, unknownCreator.StatusCode]);
        Assert.Equal(0, bensOwn.GetProperty("items").GetArrayLength());
        Assert.Empty(bensStaff);
        Assert.Equal("pending", (await Proposals.OfAsync(service, brand, ana)).Single().Str("status"));
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Manager)]
    public async Task Only_finance_or_an_admin_decides_a_proposal(string role)
    {
        var (brand, ana) = await CreatorWithProfileAsync(8);
        var proposal = (await service.ReadAsCreatorAsync(HttpMethod.Post, "/api/me/payout-profile/proposals", brand, ana, Proposals.Wise)).GetProperty("id").GetGuid();

        using var confirm = await Proposals.DecideAsync(service, brand, ana, proposal, "confirm", Guid.CreateVersion7(), role: role);
        using var reject = await Proposals.DecideAsync(service, brand, ana, proposal, "reject", Guid.CreateVersion7(), role: role);
        using var list = await service.SendAsync(HttpMethod.Get, $"/api/creators/{ana}/payout-profile/proposals", brand, null, role);
        using var finance = await Proposals.DecideAsync(service, brand, ana, proposal, "confirm", Guid.CreateVersion7(), role: Roles.Finance);

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK],
            [confirm.StatusCode, reject.StatusCode, list.StatusCode, finance.StatusCode]);
    }

    [Fact]
    public async Task Erasing_the_creator_erases_their_proposals_payee_references_and_keeps_their_status_and_times()
    {
        var (brand, ana) = await CreatorWithProfileAsync(9);
        var before = await service.ReadAsCreatorAsync(HttpMethod.Post, "/api/me/payout-profile/proposals", brand, ana, Proposals.Wise);

        await service.ReadAsync(HttpMethod.Post, $"/api/creators/{ana}/erase", brand);
        var after = (await Proposals.OfAsync(service, brand, ana)).Single();
        using var confirm = await Proposals.DecideAsync(service, brand, ana, before.GetProperty("id").GetGuid(), "confirm", Guid.CreateVersion7());
        using var propose = await service.SendAsCreatorAsync(HttpMethod.Post, "/api/me/payout-profile/proposals", brand, ana, Proposals.Wise);

        Assert.Equal(JsonValueKind.Null, after.GetProperty("payeeReference").ValueKind);
        Assert.Equal(("pending", "wise", "EUR"), (after.Str("status"), after.Str("method"), after.Str("currency")));
        Assert.Equal(before.GetProperty("proposedAt").GetDateTimeOffset(), after.GetProperty("proposedAt").GetDateTimeOffset());
        Assert.Equal(0L, await service.ScalarAsync<long>("SELECT count(*) FROM payout_profile_proposals WHERE creator_id = @c AND payee_reference IS NOT NULL", ("c", ana)));
        await AssertConflictAsync(confirm, "erased");
        await AssertConflictAsync(propose, "erased");
    }

    [Fact]
    public async Task A_note_over_500_characters_is_a_400_naming_it_and_the_proposal_stays_pending()
    {
        var (brand, ana) = await CreatorWithProfileAsync(10);
        var proposal = (await service.ReadAsCreatorAsync(HttpMethod.Post, "/api/me/payout-profile/proposals", brand, ana, Proposals.Wise)).GetProperty("id").GetGuid();

        using var refused = await Proposals.DecideAsync(service, brand, ana, proposal, "reject", Guid.CreateVersion7(), new { note = new string('n', 501) });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["note"], (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal("pending", (await Proposals.OfAsync(service, brand, ana)).Single().Str("status"));
    }

    [Fact]
    public async Task One_idempotency_key_used_by_two_creators_makes_a_proposal_for_each_and_replays_only_to_its_own_creator()
    {
        var (brand, ana) = await CreatorWithProfileAsync(11);
        var ben = await service.ApplyAsync(brand, Applicants.Creator(110));
        var key = Guid.NewGuid().ToString();

        var anas = await ProposeWithKeyAsync(brand, ana, key);
        var bens = await ProposeWithKeyAsync(brand, ben, key);
        var anasAgain = await ProposeWithKeyAsync(brand, ana, key);

        Assert.Equal(ana, anas.GetProperty("creatorId").GetGuid());
        Assert.Equal(ben, bens.GetProperty("creatorId").GetGuid());
        Assert.Equal(anas.GetRawText(), anasAgain.GetRawText());
        Assert.Single(await Proposals.OfAsync(service, brand, ana));
        Assert.Single(await Proposals.OfAsync(service, brand, ben));
    }

    private async Task<JsonElement> ProposeWithKeyAsync(Guid brand, Guid creator, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/payout-profile/proposals") { Content = JsonContent.Create(Proposals.Wise) };
        request.Headers.Authorization = new("Bearer", service.Tokens.Mint(CreatorsService.Audience, brand, [Roles.Creator], CreatorsService.CreatorKeyId(creator), creatorId: creator));
        request.Headers.Add("Idempotency-Key", key);
        using var response = await service.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A creator of a new brand whose payout profile is PayPal in USD with a verified tax form.</summary>
    private async Task<(Guid Brand, Guid Creator)> CreatorWithProfileAsync(int n)
    {
        var brand = Guid.CreateVersion7();
        var creator = await service.ApplyAsync(brand, Applicants.Creator(n));
        await service.ReadAsync(HttpMethod.Put, $"/api/creators/{creator}/payout-profile", brand, Verified);
        return (brand, creator);
    }

    private async Task<JsonElement> LastEventAsync(Guid brand, string type) =>
        JsonDocument.Parse((await service.EventsAsync(brand)).Last(e => e.MessageType.Contains(type, StringComparison.Ordinal)).Body).RootElement;

    private static async Task AssertConflictAsync(HttpResponseMessage response, string state)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(state, (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("detail"), StringComparison.Ordinal);
    }
}
