using System.Net;
using System.Net.Http.Json;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Security;
using Gateway.Tests.Support;

namespace Gateway.Tests;

/// <summary>Every caller (each role's key, the operator key, no key) against every route group of the role table.</summary>
public sealed class RoleTableTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Anonymous = "none";
    private const string SampleId = "0197a3c0-2222-7000-8000-000000000042";

    /// <summary>One representative route per (service, row of the role table), public routes included.</summary>
    public static TheoryData<string, string, string> GroupsAndCallers()
    {
        var data = new TheoryData<string, string, string>();
        var groups = GatewayRouteTable.Default.Routes
            .Where(r => r.Template.Text != "/health/ready")
            .GroupBy(r => (r.Service, Access: r.Access.ToString()))
            .Select(g => g.First());
        foreach (var route in groups)
        {
            foreach (var caller in Roles.All.Append(Anonymous))
            {
                data.Add(route.Methods[0], route.Template.SamplePath(SampleId), caller);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GroupsAndCallers))]
    public async Task A_caller_gets_through_exactly_when_the_role_table_allows_it(string method, string path, string caller)
    {
        var route = GatewayRouteTable.Default.Resolve(method, path).Route!;
        using var client = fixture.Gateway.Client(KeyOf(caller));
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (route.Template.Text == "/api/brands")
        {
            request.Content = JsonContent.Create(new { name = "Brand made by the role test" });
        }

        var grpc = GatewayServices.IsGrpcPath(path);
        if (grpc)
        {
            // A gRPC method takes gRPC calls only; the echo behind it answers them like any request.
            request.Content = new ByteArrayContent([0, 0, 0, 0, 0]);
            request.Content.Headers.ContentType = new("application/grpc");
        }

        var response = await client.SendAsync(request);

        if (grpc && route.Access.Policy is { } grpcPolicy && !(caller != Anonymous && grpcPolicy.Allows([caller])))
        {
            // Refusals of a gRPC call are gRPC statuses: UNAUTHENTICATED (16) or PERMISSION_DENIED (7).
            Assert.Equal(caller == Anonymous ? "16" : "7", response.Headers.GetValues("grpc-status").Single());
        }
        else if (route.Access.Policy is not { } policy)
        {
            Assert.True(response.IsSuccessStatusCode, $"{method} {path} is public but answered {response.StatusCode}");
        }
        else if (caller == Anonymous)
        {
            await response.AssertProblemAsync(401);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
        else if (policy.Allows([caller]))
        {
            Assert.True(response.IsSuccessStatusCode, $"{caller} may call {method} {path} but got {response.StatusCode}");
            if (route.Service != GatewayServices.GatewayItself)
            {
                Assert.Equal(route.Service, (await response.JsonAsync()).GetProperty("service").GetString());
            }
        }
        else
        {
            var problem = await response.AssertProblemAsync(403);
            Assert.Contains(string.Join(", ", policy.Roles), problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task Every_row_of_the_role_table_guards_at_least_one_route()
    {
        var guarded = GatewayRouteTable.Default.Routes.Select(r => r.Access.Policy).OfType<AccessPolicy>().ToHashSet();

        Assert.Equal(AccessPolicies.All.ToHashSet(), guarded);
        await Task.CompletedTask;
    }

    private string? KeyOf(string caller) => caller switch
    {
        Anonymous => null,
        Roles.Operator => GatewayHost.OperatorKey,
        _ => fixture.KeysByRole[caller].Key,
    };
}
