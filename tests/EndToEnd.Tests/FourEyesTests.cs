using System.Net;
using System.Text.Json;
using AmbassadorNet.SystemTestKit;

namespace EndToEnd.Tests;

/// <summary>
/// The review of 2026-12-05 (issue #32): a brand admin requested a 5,000 USD adjustment, made a second
/// key named after nobody and approved it. Through the gateway and the real services, every form of that
/// is refused with the rule that refused it and posts nothing; an approval by another member posts.
/// </summary>
public sealed partial class BrandJourneyTests
{
    [Fact]
    public async Task The_sock_puppet_approval_is_refused_and_another_members_approval_posts()
    {
        var brand = await Brand.BootstrapAsync(Http, system.Gateway, system.OperatorKey);
        var creatorId = Id(await brand.ApplyAsync("Sam Sock", "samsock", followers: 20_000, likes: 800, comments: 40));
        var adjustmentId = Id(await brand.Admin.SendAsync(HttpMethod.Post, "/api/ledger/adjustments",
            new { creatorId, currency = "USD", amount = 5000m, reason = "Goodwill" }));
        var approve = $"/api/ledger/adjustments/{adjustmentId}/approve";

        var nobody = await brand.Admin.WithNewKeyAsync("second key", "admin");
        var puppet = await brand.Admin.WithMemberAsync("Pat Puppet", "admin");
        var refusals = new[]
        {
            await RuleOfAsync(nobody, approve),
            await RuleOfAsync(puppet, approve),
            await RuleOfAsync(brand.Finance, approve),
            await RuleOfAsync(brand.Admin, approve),
        };
        var (statementStatus, _) = await brand.Finance.SendRawAsync(HttpMethod.Get, $"/api/ledger/creators/{creatorId}/statement?currency=USD");

        Assert.Equal(
            ["approver-is-a-member", "approver-key-issued-before-the-request", "approver-key-not-issued-by-the-requester", "approver-is-not-the-requester"],
            refusals);
        Assert.Equal(HttpStatusCode.NotFound, statementStatus); // nothing ever posted for the creator

        // Finance asks for a correction; the admin, another member whose key finance did not issue, approves it.
        var correction = Id(await brand.Finance.SendAsync(HttpMethod.Post, "/api/ledger/adjustments",
            new { creatorId, currency = "USD", amount = 25m, reason = "Shipping refund" }));
        var approved = await brand.Admin.SendAsync(HttpMethod.Post, $"/api/ledger/adjustments/{correction}/approve");
        var admin = (await brand.Admin.SendAsync(HttpMethod.Get, "/api/members")).GetProperty("items")
            .EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Initial admin");

        Assert.Equal(("posted", admin.GetProperty("id").GetGuid()), (approved.GetProperty("status").GetString(), approved.GetProperty("approvedByMemberId").GetGuid()));
    }

    private static async Task<string> RuleOfAsync(GatewayClient approver, string path)
    {
        var (status, body) = await approver.SendRawAsync(HttpMethod.Post, path);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        return JsonDocument.Parse(body).RootElement.GetProperty("rule").GetString()!;
    }
}
