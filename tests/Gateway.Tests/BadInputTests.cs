using System.Net.Http.Json;
using System.Text;
using AmbassadorNet.Security;
using Gateway.Tests.Support;

namespace Gateway.Tests;

/// <summary>Whatever a client sends, the answer is a problem details document, never a stack trace or an empty error.</summary>
public sealed class BadInputTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const int DefaultLimit = 1024 * 1024;

    [Fact]
    public async Task A_declared_body_over_the_limit_is_a_413_problem_and_is_not_forwarded()
    {
        using var manager = fixture.Gateway.Client(fixture.KeysByRole["manager"].Key);

        // Expect: 100-continue makes the client wait for the verdict before sending the body; without
        // it the gateway can answer 413 and close while the client is still writing (a broken pipe).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/creators") { Content = new ByteArrayContent(new byte[DefaultLimit + 1]) };
        request.Headers.ExpectContinue = true;
        var response = await manager.SendAsync(request);

        var problem = await response.AssertProblemAsync(413);
        Assert.Contains($"{DefaultLimit}", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_chunked_body_growing_past_the_limit_is_refused_with_a_problem()
    {
        using var manager = fixture.Gateway.Client(fixture.KeysByRole["manager"].Key);
        // Just past the limit: the few bytes left unread fit in the socket buffers, so the client is not
        // still writing when the gateway answers and closes (which would surface as a broken pipe).
        var content = new StreamContent(new MemoryStream(new byte[DefaultLimit + 4096]));
        content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/creators") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await manager.SendAsync(request);

        await response.AssertProblemAsync(413);
    }

    [Fact]
    public async Task A_body_within_the_limit_is_forwarded_whole()
    {
        using var manager = fixture.Gateway.Client(fixture.KeysByRole["manager"].Key);

        var echo = await (await manager.PostAsync("/api/creators", new StringContent(new string('a', DefaultLimit / 2)))).JsonAsync();

        Assert.Equal(DefaultLimit / 2, echo.GetProperty("body").GetString()!.Length);
    }

    /// <summary>Security finding 6 (docs/reliability.md): a settlement file between the JSON limit (1 MiB) and the file limit (5 MiB) must reach payouts whole.</summary>
    [Fact]
    public async Task A_settlement_file_larger_than_a_json_body_reaches_payouts_whole()
    {
        using var finance = fixture.Gateway.Client(fixture.KeysByRole["finance"].Key);
        var file = new string('x', 3 * DefaultLimit);

        var response = await finance.PostAsync($"/api/payouts/batches/{Guid.NewGuid()}/settlement", new StringContent(file, Encoding.UTF8, "text/csv"));
        var echo = await response.JsonAsync();

        Assert.Equal(file.Length, echo.GetProperty("body").GetString()!.Length);
    }

    [Fact]
    public async Task A_file_over_the_file_limit_is_a_413_problem_naming_it()
    {
        using var finance = fixture.Gateway.Client(fixture.KeysByRole["finance"].Key);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/payouts/batches/{Guid.NewGuid()}/settlement")
        {
            Content = new ByteArrayContent(new byte[RequestBodyLimits.File + 1]),
        };
        request.Headers.ExpectContinue = true;

        var problem = await (await finance.SendAsync(request)).AssertProblemAsync(413);

        Assert.Contains("5 MiB", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Malformed_json_to_the_gateways_own_api_is_a_400_problem()
    {
        using var admin = fixture.Gateway.Client(fixture.AdminKey);

        var response = await admin.PostAsync("/api/api-keys", new StringContent("{\"name\": \"x\", \"roles\": [", Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(400);
        Assert.Contains("not valid JSON", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_key_id_that_is_not_a_guid_is_a_404_problem()
    {
        using var admin = fixture.Gateway.Client(fixture.AdminKey);

        var response = await admin.DeleteAsync("/api/api-keys/not-a-guid");

        await response.AssertProblemAsync(404);
    }

    [Fact]
    public async Task An_unknown_route_without_credentials_is_a_404_not_a_401()
    {
        using var anonymous = fixture.Gateway.Client();

        var response = await anonymous.PostAsJsonAsync("/api/nothing", new { });

        await response.AssertProblemAsync(404);
    }
}
