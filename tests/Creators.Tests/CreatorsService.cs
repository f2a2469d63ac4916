using AmbassadorNet.Creators;
using AmbassadorNet.Creators.Persistence;
using AmbassadorNet.Security;
using AmbassadorNet.TestKit.Services;

namespace Creators.Tests;

/// <summary>The creators service as it ships (<see cref="CreatorsApp"/>) on a loopback port, with its own database and vhost.</summary>
public sealed class CreatorsService() : ServiceUnderTest<CreatorsDbContext>(CreatorsApp.Name, CreatorsDbContext.Migrations, CreatorsApp.Create)
{
    public static string Audience => InternalToken.AudienceFor(CreatorsApp.Name);

    /// <summary>Sends a request under the brand API key <paramref name="key"/> with <paramref name="roles"/> (the key is what finance's decisions record).</summary>
    public Task<HttpResponseMessage> SendWithKeyAsync(HttpMethod method, string path, Guid brand, Guid key, object? body, params string[] roles) =>
        Http.SendAsync(Request(method, path, brand, body, roles, key));

    /// <summary>Applies a creator and returns its id.</summary>
    public async Task<Guid> ApplyAsync(Guid brand, object body) =>
        (await ReadAsync(HttpMethod.Post, "/api/creators", brand, body)).GetProperty("id").GetGuid();
}
