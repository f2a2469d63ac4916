using AmbassadorNet.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Security.Tests.Support;

namespace Security.Tests;

public sealed class AccessPoliciesTests(SecuredApp fixture) : IClassFixture<SecuredApp>
{
    /// <summary>The role table of docs/architecture.md ("Roles"), written out independently of the code.</summary>
    public static TheoryData<string, string[]> DesignTable => new()
    {
        { "ApiKeys", ["admin"] },
        { "Members", ["admin"] },
        { "CatalogRead", ["admin", "manager", "finance", "analyst"] },
        { "CatalogWrite", ["admin", "manager"] },
        { "PayoutProfileWrite", ["admin", "finance"] },
        { "ConversionsWrite", ["admin", "partner"] },
        { "ConversionsRead", ["admin", "manager", "finance", "analyst"] },
        { "ClicksRead", ["admin", "manager", "finance", "analyst", "events"] },
        { "LedgerRead", ["admin", "finance"] },
        { "PayoutsManage", ["finance", "admin"] },
        { "ApprovalPolicyWrite", ["admin"] },
        { "AnalyticsRead", ["admin", "manager", "finance", "analyst"] },
        { "AnalyticsWrite", ["admin", "manager"] },
        { "Webhooks", ["admin"] },
        { "AuditRead", ["admin", "finance"] },
        { "EventsRead", ["admin", "events"] },
        { "CreatorSelf", ["creator"] },
        { "Operations", ["operator"] },
    };

    [Theory]
    [MemberData(nameof(DesignTable))]
    public async Task Each_row_of_the_table_is_an_authorization_policy_with_its_roles(string name, string[] roles)
    {
        Assert.Equal(new AccessPolicy(name, roles), AccessPolicies.Find(name));

        var policy = await fixture.App.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(name);

        Assert.NotNull(policy);
        Assert.Equal(roles.Order(), policy.Requirements.OfType<RolesAuthorizationRequirement>().Single().AllowedRoles.Order());
        Assert.Single(policy.Requirements.OfType<DenyAnonymousAuthorizationRequirement>());
    }

    [Fact]
    public void The_table_lists_every_policy_once_and_only_known_roles()
    {
        Assert.Equal(DesignTable.Count, AccessPolicies.All.Count);
        Assert.Equal(AccessPolicies.All.Count, AccessPolicies.All.Select(p => p.Name).Distinct().Count());
        Assert.All(AccessPolicies.All.SelectMany(p => p.Roles), r => Assert.True(Roles.IsKnown(r), r));
    }

    [Fact]
    public async Task The_fallback_policy_demands_an_authenticated_caller()
    {
        var fallback = await fixture.App.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync();

        Assert.NotNull(fallback);
        Assert.Single(fallback.Requirements.OfType<DenyAnonymousAuthorizationRequirement>());
    }

    [Fact]
    public void Policies_compare_by_name_and_role_set()
    {
        Assert.Equal(new AccessPolicy("PayoutsManage", ["admin", "finance"]), AccessPolicies.PayoutsManage);
        Assert.NotEqual(new AccessPolicy("PayoutsManage", ["admin"]), AccessPolicies.PayoutsManage);
        Assert.True(AccessPolicies.LedgerRead.Allows([Roles.Partner, Roles.Finance]));
        Assert.False(AccessPolicies.LedgerRead.Allows([Roles.Manager]));
    }

    [Fact]
    public void RequireAccess_refuses_a_policy_that_is_not_a_row_of_the_table()
    {
        using var app = WebApplication.CreateSlimBuilder().Build();
        var endpoint = app.MapGet("/x", () => "x");

        Assert.Throws<ArgumentException>(() => endpoint.RequireAccess(new AccessPolicy("CatalogRead", ["partner"])));
    }
}
