using AmbassadorNet.Campaigns.Api.Me;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Idempotency;

namespace AmbassadorNet.Campaigns.Api.Agreements;

/// <summary>The agreements routes: the brand's (send, read, templates) and the creator's own (read, accept).</summary>
internal static class AgreementsApi
{
    public const string Tag = "Agreements";

    public static void MapAgreements(this IEndpointRouteBuilder app)
    {
        var agreements = app.MapGroup("/api/agreements").WithTags(Tag);
        agreements.MapPost("/", AgreementEndpoints.SendAsync).RequireAccess(AccessPolicies.CatalogWrite).Idempotent()
            .WithName("SendAgreement").WithSummary("Sends the next version of an enrollment's agreement (text, or a template with fields); a version still waiting is superseded.");
        agreements.MapGet("/", AgreementEndpoints.ListAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("ListAgreements").WithSummary("The brand's agreement versions, newest first, by enrollment, campaign, creator or status; cursor-paginated.");
        agreements.MapGet("/{id:guid}", AgreementEndpoints.GetAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("GetAgreement").WithSummary("One agreement version: status, SHA-256 of its text, what it states, and the acceptance (when, which credential).");
        agreements.MapGet("/{id:guid}/text", AgreementEndpoints.TextAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("GetAgreementText").WithSummary("The exact text sent (text/plain), with its SHA-256 as the ETag; 410 once the creator is erased.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");

        var templates = app.MapGroup("/api/agreement-templates").WithTags(Tag);
        templates.MapPost("/", TemplateEndpoints.CreateAsync).RequireAccess(AccessPolicies.CatalogWrite).Idempotent()
            .WithName("CreateAgreementTemplate").WithSummary("Stores terms with {{field}} placeholders; built in: creator.name, creator.handle, campaign.name, agreement.version, agreement.date.");
        templates.MapGet("/", TemplateEndpoints.ListAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("ListAgreementTemplates").WithSummary("The brand's agreement templates, newest first; cursor-paginated.");
        templates.MapGet("/{id:guid}", TemplateEndpoints.GetAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("GetAgreementTemplate").WithSummary("One template with the placeholders it asks for.");

        var mine = app.MapGroup("/api/me/agreements").WithTags(CreatorSelfApi.Tag).RequireAccess(AccessPolicies.CreatorSelf);
        mine.MapGet("/", AgreementEndpoints.ListAsync)
            .WithName("ListMyAgreements").WithSummary("The creator's agreement versions, newest first, by enrollment or status; cursor-paginated.");
        mine.MapGet("/{id:guid}", AgreementEndpoints.GetAsync)
            .WithName("GetMyAgreement").WithSummary("One of the creator's agreement versions.");
        mine.MapGet("/{id:guid}/text", AgreementEndpoints.TextAsync)
            .WithName("GetMyAgreementText").WithSummary("The exact text of one of the creator's agreements (text/plain), with its SHA-256 as the ETag.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");
        mine.MapPost("/{id:guid}/accept", AgreementEndpoints.AcceptAsync)
            .WithName("AcceptMyAgreement").WithSummary("The creator accepts a version, confirming the SHA-256 of the text they read; who, when and which credential are recorded.");
    }
}
