using System.Net;
using System.Text.Json;
using AmbassadorNet.SystemTestKit;
using AmbassadorNet.TestKit.Waiting;
using AmbassadorNet.TestOidc;

namespace EndToEnd.Tests;

/// <summary>
/// The review of 2026-12-05 (issue #32): a brand admin requested a 5,000 USD adjustment, made a second
/// key named after nobody and approved it. Through the gateway and the real services, every form of that
/// is refused with the rule that refused it and posts nothing. A member who signs in with the brand's own
/// identity provider (a real OpenID Connect provider) approves it, and an approval by another member posts.
/// </summary>
public sealed partial class BrandJourneyTests
{
    [Fact]
    public async Task The_sock_puppet_approval_is_refused_and_a_signed_in_colleagues_approval_posts()
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

        // A colleague who signs in with the brand's own identity provider is a second person the admin did not make up.
        await using var provider = await TestOidcProvider.StartAsync();
        await brand.Admin.SendAsync(HttpMethod.Put, "/api/identity-provider", new
        {
            issuer = provider.Issuer, audience = "ambassadornet-journey", roleMappings = new Dictionary<string, string[]> { ["finance-approvers"] = ["finance"] },
        });
        var fran = new GatewayClient(Http, system.Gateway, await provider.SignInAsync(
            new TestOidcUser("fran-01", "Fran Approver", "fran@journey.example", ["finance-approvers"]), "ambassadornet-journey"));
        var approvedBySignIn = await fran.SendAsync(HttpMethod.Post, approve);
        var franMember = (await brand.Admin.SendAsync(HttpMethod.Get, "/api/members?limit=200")).GetProperty("items")
            .EnumerateArray().Single(m => m.GetProperty("email").GetString() == "fran@journey.example");

        Assert.Equal(("posted", franMember.GetProperty("id").GetGuid()), (approvedBySignIn.GetProperty("status").GetString(), approvedBySignIn.GetProperty("approvedByMemberId").GetGuid()));
        Assert.Equal(provider.Issuer, franMember.GetProperty("identityIssuer").GetString());

        // The audit trail names her: the approval, by the member the provider signed in, as finance reads it.
        var franId = franMember.GetProperty("id").GetGuid();
        var audited = await Eventually.UntilAsync(
            _ => brand.Finance.SendAsync(HttpMethod.Get, $"/api/audit/entries?memberId={franId}&action=ApproveAdjustment&subjectType=ledger_adjustments"),
            page => page.GetProperty("items").GetArrayLength() > 0, "the approval to reach the audit trail");
        var entry = audited.GetProperty("items")[0];
        Assert.Equal(("member", franId, adjustmentId), (entry.GetProperty("caller").GetProperty("kind").GetString(),
            entry.GetProperty("caller").GetProperty("memberId").GetGuid(), entry.GetProperty("subject").GetProperty("id").GetGuid()));

        // Finance asks for a correction; the admin, another member whose key finance did not issue, approves it.
        var correction = Id(await brand.Finance.SendAsync(HttpMethod.Post, "/api/ledger/adjustments",
            new { creatorId, currency = "USD", amount = 25m, reason = "Shipping refund" }));
        var approved = await brand.Admin.SendAsync(HttpMethod.Post, $"/api/ledger/adjustments/{correction}/approve");
        var admin = (await brand.Admin.SendAsync(HttpMethod.Get, "/api/members")).GetProperty("items")
            .EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Initial admin");

        Assert.Equal(("posted", admin.GetProperty("id").GetGuid()), (approved.GetProperty("status").GetString(), approved.GetProperty("approvedByMemberId").GetGuid()));

        // The gateway recorded her first sign-in, which made her a member; she leaves and asks to be erased.
        var signIn = (await Eventually.UntilAsync(
            _ => brand.Finance.SendAsync(HttpMethod.Get, $"/api/audit/entries?memberId={franId}&action=SignInWithIdentityProvider"),
            page => page.GetProperty("items").GetArrayLength() > 0, "her sign-in to reach the audit trail")).GetProperty("items")[0];
        Assert.Equal(("gateway", "members", "Fran Approver"), (signIn.GetProperty("service").GetString(), signIn.GetProperty("subject").GetProperty("type").GetString(),
            signIn.GetProperty("personal").GetProperty("fields").GetProperty("name").GetProperty("after").GetString()));
        await brand.Admin.SendAsync(HttpMethod.Post, $"/api/members/{franId}/deactivate");
        var erasedMember = await brand.Admin.SendAsync(HttpMethod.Post, $"/api/members/{franId}/erase");
        var signInAfter = await Eventually.UntilAsync(
            _ => brand.Finance.SendAsync(HttpMethod.Get, $"/api/audit/entries/{signIn.GetProperty("id").GetGuid()}"),
            entry => entry.GetProperty("personal").ValueKind == JsonValueKind.String, "her personal data to leave the audit trail");
        var verified = await brand.Finance.SendAsync(HttpMethod.Get, "/api/audit/verify");

        Assert.Equal(("erased", JsonValueKind.Null), (erasedMember.GetProperty("status").GetString(), erasedMember.GetProperty("email").ValueKind));
        Assert.Equal(("erased", signIn.GetProperty("entryHash").GetString()), (signInAfter.GetProperty("personal").GetString(), signInAfter.GetProperty("entryHash").GetString()));
        Assert.True(verified.GetProperty("ok").GetBoolean(), verified.ToString());
    }

    private static async Task<string> RuleOfAsync(GatewayClient approver, string path)
    {
        var (status, body) = await approver.SendRawAsync(HttpMethod.Post, path);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        return JsonDocument.Parse(body).RootElement.GetProperty("rule").GetString()!;
    }
}
