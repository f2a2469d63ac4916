using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.Contracts.Audit;
using AmbassadorNet.Security;
using AmbassadorNet.Security.Testing;

namespace Creators.Tests;

/// <summary>The audit record each change through the API leaves in the service's outbox, in the change's own transaction.</summary>
public sealed class AuditCaptureTests(CreatorsService service) : IClassFixture<CreatorsService>
{
    [Fact]
    public async Task Each_change_records_exactly_its_changed_fields_with_personal_data_apart()
    {
        var brand = Guid.CreateVersion7();
        var key = Guid.CreateVersion7();
        var id = await service.ApplyAsync(brand, Applicants.Creator(1, country: "US", name: "Ada Byron"));

        await SendAsync(HttpMethod.Patch, $"/api/creators/{id}", brand, key, "req-patch-1", new { displayName = "Ada Lovelace", country = "GB" }, Roles.Manager);
        await SendAsync(HttpMethod.Put, $"/api/creators/{id}/payout-profile", brand, key, "req-payout-1",
            new { method = "paypal", currency = "USD", payeeReference = "pp-ref-777001", taxFormStatus = "verified" }, Roles.Finance);
        var records = await service.AuditRecordsAsync(brand);

        Assert.Equal(["ApplyCreator", "UpdateCreator", "SetPayoutProfile"], records.Select(r => r.Action.Name));
        var update = records[1];
        Assert.Equal(("creators", "req-patch-1", "PATCH", "/api/creators/{id:guid}"), (update.Service, update.RequestId, update.Action.Method, update.Action.Route));
        Assert.Equal(new AuditCaller(CallerKinds.Member, key, TestTokens.MemberOf(key), null), update.Caller);
        var creator = Assert.Single(update.Changes);
        Assert.Equal(("creators", id.ToString(), "updated"), (creator.SubjectType, creator.SubjectId, creator.Operation));
        Assert.Equal(["country", "updatedAt"], creator.Fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("US", "GB"), (creator.Fields["country"].Before!.Value.GetString(), creator.Fields["country"].After!.Value.GetString()));
        Assert.Equal(id, creator.Personal!.CreatorId);
        Assert.Equal(["displayName"], creator.Personal.Fields.Keys);
        Assert.Equal(("Ada Byron", "Ada Lovelace"), (creator.Personal.Fields["displayName"].Before!.Value.GetString(), creator.Personal.Fields["displayName"].After!.Value.GetString()));

        var payout = records[2];
        var profile = Assert.Single(payout.Changes, c => c.SubjectType == "payout_profiles");
        Assert.Equal((id.ToString(), "created"), (profile.SubjectId, profile.Operation));
        Assert.Equal(["currency", "method", "taxFormStatus", "updatedAt"], profile.Fields.Keys.Order(StringComparer.Ordinal));
        Assert.All(profile.Fields.Values, f => Assert.Null(f.Before));
        Assert.Equal("verified", profile.Fields["taxFormStatus"].After!.Value.GetString());
        Assert.Equal(id, profile.Personal!.CreatorId);
        Assert.Equal("pp-ref-777001", profile.Personal.Fields["payeeReference"].After!.Value.GetString());
        Assert.All(payout.Changes, c => Assert.DoesNotContain("pp-ref-777001", JsonSerializer.Serialize(c.Fields), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reads_refusals_and_changes_not_made_through_the_api_record_nothing()
    {
        var brand = Guid.CreateVersion7();
        var id = await service.ApplyAsync(brand, Applicants.Creator(2));

        await service.ReadAsync(HttpMethod.Get, $"/api/creators/{id}", brand);
        var refused = await service.SendAsync(HttpMethod.Post, $"/api/creators/{id}/reinstate", brand); // 409: nothing changed

        Assert.Equal(System.Net.HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(["ApplyCreator"], (await service.AuditRecordsAsync(brand)).Select(r => r.Action.Name));
    }

    private async Task SendAsync(HttpMethod method, string path, Guid brand, Guid key, string requestId, object body, string role)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", service.Tokens.Mint(CreatorsService.Audience, brand, [role], key));
        request.Headers.Add("X-Request-Id", requestId);
        using var response = await service.Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
