using System.Net;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Security;
using Gateway.Tests.Support;

namespace Gateway.Tests;

/// <summary>Every row of the route table, sent through the gateway, reaches its service's server with its path and query intact.</summary>
public sealed class RoutingTests(RoutingFixture fixture) : IClassFixture<RoutingFixture>
{
    private const string SampleId = "0197a3c0-1111-7000-8000-000000000042";

    public static TheoryData<string, string, string> ServiceRoutes()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var route in GatewayRouteTable.Default.Routes.Where(r => r.Service != GatewayServices.GatewayItself && r.Access.Policy != AccessPolicies.Operations
                     && !r.Template.Text.StartsWith("/openapi/", StringComparison.Ordinal)))
        {
            foreach (var method in route.Methods)
            {
                data.Add(method, route.Template.SamplePath(SampleId), route.Service);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ServiceRoutes))]
    public async Task Each_route_reaches_its_service_with_path_and_query(string method, string path, string service)
    {
        // The admin key where it may call, else the first role the route's row allows (a creator credential's routes).
        var policy = GatewayRouteTable.Default.Resolve(method, path).Route!.Access.Policy;
        var role = policy is null || policy.Allows([Roles.Admin]) ? Roles.Admin : policy.Roles[0];
        using var admin = fixture.Gateway.Client(fixture.KeysByRole[role].Key);
        using var request = new HttpRequestMessage(new HttpMethod(method), path + "?cursor=abc&limit=5");
        var grpc = GatewayServices.IsGrpcPath(path);
        if (grpc)
        {
            request.Content = new ByteArrayContent([0, 0, 0, 0, 0]);
            request.Content.Headers.ContentType = new("application/grpc");
        }

        var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (method != "HEAD")
        {
            var echo = await response.JsonAsync();
            Assert.Equal(service, echo.GetProperty("service").GetString());
            Assert.Equal(method, echo.GetProperty("method").GetString());
            Assert.Equal(path, echo.GetProperty("path").GetString());
            Assert.Equal("?cursor=abc&limit=5", echo.GetProperty("query").GetString());
            // gRPC methods go to the service's gRPC port, over HTTP/2 whatever the client spoke; so does the
            // redirect, the hottest path (decision 0034).
            var http2 = grpc || path.StartsWith("/r/", StringComparison.Ordinal);
            Assert.Equal(http2 ? "HTTP/2" : "HTTP/1.1", echo.GetProperty("protocol").GetString());
        }
    }

    [Fact]
    public async Task A_grpc_method_called_without_grpc_is_a_415_problem_and_is_not_forwarded()
    {
        using var admin = fixture.Gateway.Client(fixture.AdminKey);

        var response = await admin.PostAsync("/ambassadornet.partner.v1.EventStream/Subscribe", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(415);
        Assert.Contains("gRPC port", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_collection_path_without_trailing_segment_and_a_request_body_are_forwarded()
    {
        using var manager = fixture.Gateway.Client(fixture.KeysByRole[Roles.Manager].Key);

        var response = await manager.PostAsync("/api/campaigns", new StringContent("{\"name\":\"Spring\"}", System.Text.Encoding.UTF8, "application/json"));
        var echo = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("campaigns", echo.GetProperty("service").GetString());
        Assert.Equal("{\"name\":\"Spring\"}", echo.GetProperty("body").GetString());
    }

    [Fact]
    public async Task The_operator_reaches_a_services_ops_api_under_its_name()
    {
        using var operatorClient = fixture.Gateway.Client(GatewayHost.OperatorKey);

        var response = await operatorClient.GetAsync("/ops/payouts/messaging/parked");
        var echo = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("payouts", echo.GetProperty("service").GetString());
        Assert.Equal("/ops/messaging/parked", echo.GetProperty("path").GetString());
    }

    [Theory]
    [InlineData("/ops/messaging/parked")]
    [InlineData("/api/unknown")]
    [InlineData("/api/creators/x/y/z/w")]
    [InlineData("/api//creators")]
    [InlineData("/")]
    public async Task Unrouted_paths_are_404_problems_even_with_a_valid_key(string path)
    {
        using var admin = fixture.Gateway.Client(fixture.AdminKey);

        var response = await admin.GetAsync(path);

        await response.AssertProblemAsync(404);
    }

    [Fact]
    public async Task A_known_path_with_another_method_is_a_405_problem_naming_the_allowed_ones()
    {
        using var admin = fixture.Gateway.Client(fixture.AdminKey);

        var response = await admin.DeleteAsync("/api/conversions");

        await response.AssertProblemAsync(405);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order());
    }
}
