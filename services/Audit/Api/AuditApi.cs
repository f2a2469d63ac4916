using AmbassadorNet.Security;

namespace AmbassadorNet.Audit.Api;

/// <summary>The audit API: every route, its role-table row (admin, finance) and its summary, in one place. Reads only: entries come from the services' events.</summary>
public static class AuditApi
{
    /// <summary>What each tag of this API groups, for its OpenAPI document.</summary>
    public static IReadOnlyDictionary<string, string> Tags { get; } = new Dictionary<string, string>
    {
        ["Audit"] = "Every change made through the API, per brand, in a hash chain anchored outside the database; filters, CSV, anchors and verification.",
    };

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/audit").WithTags("Audit").RequireAccess(AccessPolicies.AuditRead);

        audit.MapGet("/entries", EntryEndpoints.ListAsync)
            .WithName("ListAuditEntries").WithSummary("The brand's audit entries, newest first, by time, place in the chain, service, action, member, key or subject; cursor-paginated.");
        audit.MapGet("/entries.csv", EntryEndpoints.CsvAsync)
            .WithName("ExportAuditEntries").WithSummary("The same entries as CSV, one row per changed field (up to 10,000 entries, newest first).");
        audit.MapGet("/entries/{id:guid}", EntryEndpoints.GetAsync)
            .WithName("GetAuditEntry").WithSummary("One entry by its id, with its place in the chain and its hashes (by place: GET /api/audit/entries?seq=).");
        audit.MapGet("/anchors", AnchorEndpoints.ListAsync)
            .WithName("ListAuditAnchors").WithSummary("The heads of the chain as published (AuditChainAnchored), newest first; cursor-paginated.");
        audit.MapGet("/verify", VerifyEndpoints.VerifyAsync)
            .WithName("VerifyAuditChain").WithSummary("Recomputes the brand's chain from the first entry and checks it against the anchors the service stored: ok, or the first broken seq and why.");
        audit.MapPost("/verify", VerifyEndpoints.VerifyAgainstAsync)
            .WithName("VerifyAuditChainAgainstAnchors").WithSummary("Recomputes the chain and checks it against anchors the caller kept outside (webhook deliveries, the partner stream): catches a chain rewritten with its stored anchors.");
        return app;
    }
}
