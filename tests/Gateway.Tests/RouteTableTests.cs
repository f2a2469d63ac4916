using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Security;

namespace Gateway.Tests;

public sealed class RouteTableTests
{
    private static readonly GatewayRouteTable Table = GatewayRouteTable.Default;

    [Theory]
    [InlineData("GET", "/api/creators", "creators", "CatalogRead")]
    [InlineData("GET", "/api/creators/", "creators", "CatalogRead")]
    [InlineData("post", "/API/Creators/abc/Approve", "creators", "CatalogWrite")]
    [InlineData("PUT", "/api/creators/abc/payout-profile", "creators", "PayoutProfileWrite")]
    [InlineData("POST", "/api/conversions/order-7/refunds", "tracking", "ConversionsWrite")]
    [InlineData("GET", "/api/conversions", "tracking", "ConversionsRead")]
    [InlineData("GET", "/api/payouts/settings", "payouts", "LedgerRead")]
    [InlineData("PUT", "/api/payouts/settings", "payouts", "PayoutsManage")]
    [InlineData("GET", "/api/payouts/batches/b1/export.csv", "payouts", "LedgerRead")]
    [InlineData("GET", "/api/analytics/paid-ads", "analytics", "AnalyticsRead")]
    [InlineData("PUT", "/api/analytics/paid-ads", "analytics", "AnalyticsWrite")]
    [InlineData("POST", "/api/analytics/paid-ads/import", "analytics", "AnalyticsWrite")]
    [InlineData("DELETE", "/ops/webhooks/messaging/error-queues/x", "webhooks", "Operations")]
    [InlineData("HEAD", "/r/abc", "tracking", "public")]
    [InlineData("DELETE", "/api/api-keys/k1", "gateway", "ApiKeys")]
    public void Requests_resolve_to_their_service_and_row(string method, string path, string service, string access)
    {
        var resolution = Table.Resolve(method, path);

        Assert.Equal(RouteOutcome.Found, resolution.Outcome);
        Assert.Equal(service, resolution.Route!.Service);
        Assert.Equal(access, resolution.Route.Access.ToString());
    }

    [Theory]
    [InlineData("/ops/messaging/parked")]
    [InlineData("/api//creators")]
    [InlineData("/api/creators/a/b")]
    [InlineData("/r")]
    [InlineData("/r/a/b")]
    [InlineData("relative")]
    public void Paths_outside_the_table_are_not_found(string path) =>
        Assert.Equal(RouteOutcome.NotFound, Table.Resolve("GET", path).Outcome);

    [Fact]
    public void A_known_path_with_another_method_lists_the_methods_it_takes()
    {
        var resolution = Table.Resolve("GET", "/api/creators/abc/payout-profile");

        Assert.Equal(RouteOutcome.MethodNotAllowed, resolution.Outcome);
        Assert.Equal(["PUT"], resolution.AllowedMethods);
    }

    [Fact]
    public void A_literal_segment_wins_over_a_parameter_whatever_the_order()
    {
        var table = new GatewayRouteTable(
        [
            new GatewayRoute("payouts", ["GET"], RouteTemplate.Parse("/api/payouts/{id}"), RouteAccess.Requires(AccessPolicies.LedgerRead)),
            new GatewayRoute("payouts", ["GET"], RouteTemplate.Parse("/api/payouts/{**rest}"), RouteAccess.Requires(AccessPolicies.Operations)),
            new GatewayRoute("payouts", ["GET"], RouteTemplate.Parse("/api/payouts/settings"), RouteAccess.Requires(AccessPolicies.PayoutsManage)),
        ]);

        Assert.Equal(AccessPolicies.PayoutsManage, table.Resolve("GET", "/api/payouts/settings").Route!.Access.Policy);
        Assert.Equal(AccessPolicies.LedgerRead, table.Resolve("GET", "/api/payouts/b1").Route!.Access.Policy);
        Assert.Equal(AccessPolicies.Operations, table.Resolve("GET", "/api/payouts/b1/x").Route!.Access.Policy);
    }

    [Fact]
    public void Every_row_is_found_by_a_path_of_its_shape_in_any_letter_case()
    {
        // The table looks rows up by their leading literal segments; a row the lookup missed would be a 404.
        Assert.All(Table.Routes, row =>
        {
            var path = row.Template.SamplePath("v1");
            foreach (var variant in new[] { path, path.ToUpperInvariant(), path + "/" })
            {
                var resolution = Table.Resolve(row.Methods[0], variant);
                Assert.Equal(RouteOutcome.Found, resolution.Outcome);
                // This row, or one at least as specific that takes the method too (a literal that happens to equal the sample).
                Assert.True(resolution.Route!.Template.CompareSpecificity(row.Template) <= 0, $"{variant} resolved to {resolution.Route}");
            }
        });
    }

    [Fact]
    public void Rows_starting_with_a_parameter_or_a_catch_all_are_candidates_for_every_path()
    {
        var table = new GatewayRouteTable(
        [
            new GatewayRoute(GatewayServices.GatewayItself, ["GET"], RouteTemplate.Parse("/{**any}"), RouteAccess.Public),
            new GatewayRoute(GatewayServices.GatewayItself, ["PUT"], RouteTemplate.Parse("/{area}/settings"), RouteAccess.Requires(AccessPolicies.Operations)),
            new GatewayRoute("payouts", ["DELETE"], RouteTemplate.Parse("/api/payouts/{id}"), RouteAccess.Requires(AccessPolicies.PayoutsManage)),
        ]);

        Assert.Equal("/{**any}", table.Resolve("GET", "/api/payouts/b1").Route!.Template.Text);
        Assert.Equal("/{area}/settings", table.Resolve("PUT", "/Payouts/settings").Route!.Template.Text);
        Assert.Equal("/api/payouts/{id}", table.Resolve("DELETE", "/api/payouts/b1").Route!.Template.Text);
        // Every row that matches the path is listed, in the table's order.
        Assert.Equal(["GET", "DELETE"], table.Resolve("POST", "/api/payouts/b1").AllowedMethods);
    }

    [Fact]
    public void A_row_outside_its_services_prefixes_is_refused()
    {
        var stray = new GatewayRoute("creators", ["GET"], RouteTemplate.Parse("/api/campaigns/{id}"), RouteAccess.Requires(AccessPolicies.CatalogRead));

        var error = Assert.Throws<ArgumentException>(() => new GatewayRouteTable([stray]));

        Assert.Contains("not under a prefix of creators", error.Message);
    }

    [Fact]
    public void Every_route_group_of_the_design_has_its_row()
    {
        Assert.Equal(AccessPolicies.Operations, Table.Resolve("POST", "/api/brands").Route!.Access.Policy);
        Assert.Equal([Roles.Operator], AccessPolicies.Operations.Roles);
        Assert.All(GatewayServices.Proxied, service => Assert.True(Table.Resolve("GET", GatewayServices.OpenApiPath(service)).Route!.Access.IsPublic));
        // The approval policy is the admins' alone: finance would otherwise set the bar for its own requests.
        Assert.Equal(AccessPolicies.ApprovalPolicyWrite, Table.Resolve("PUT", "/api/payouts/approval-policy").Route!.Access.Policy);
        Assert.All(Table.Routes.Where(r => r.Service == "payouts" && !r.Access.IsPublic && r.Access.Policy != AccessPolicies.Operations
                && !r.Template.Text.StartsWith("/api/me/", StringComparison.Ordinal) && r.Access.Policy != AccessPolicies.ApprovalPolicyWrite),
            r => Assert.Equal(r.Methods.SequenceEqual(["GET"]) ? AccessPolicies.LedgerRead : AccessPolicies.PayoutsManage, r.Access.Policy));
        Assert.All(Table.Routes.Where(r => r.Template.Text.StartsWith("/api/me/", StringComparison.Ordinal)), r => Assert.Equal(AccessPolicies.CreatorSelf, r.Access.Policy));
    }
}
