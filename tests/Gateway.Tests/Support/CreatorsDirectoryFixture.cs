using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests.Support;

/// <summary>
/// The gateway with a creators service (AddServiceDefaults, only the gateway's public key) that knows a few creators,
/// an erased one among them, and answers 404 for any other id, as the real one does; echoes elsewhere.
/// </summary>
public sealed class CreatorsDirectoryFixture : GatewayFixture
{
    public Guid Fay { get; } = Guid.CreateVersion7();

    public Guid Ben { get; } = Guid.CreateVersion7();

    public Guid Erased { get; } = Guid.CreateVersion7();

    /// <summary>An active creator for the test of a member's erasure, so its link does not meet the other tests'.</summary>
    public Guid Erasable { get; } = Guid.CreateVersion7();

    protected override async Task<IUpstream> StartUpstreamAsync(string service)
    {
        if (service != GatewayServices.Creators)
        {
            return await base.StartUpstreamAsync(service);
        }

        var statuses = new Dictionary<Guid, string> { [CreatorId] = "active", [Fay] = "active", [Ben] = "active", [Erasable] = "active", [Erased] = "erased" };
        return await ServiceUpstream.StartAsync(service, SigningKey.KeyId, SigningKey.PublicKeyPem, app =>
            app.MapGet("/api/creators/{id:guid}", (Guid id) => statuses.TryGetValue(id, out var status) ? Results.Ok(new { id, status }) : Results.NotFound())
                .RequireAccess(AccessPolicies.CatalogRead));
    }
}
