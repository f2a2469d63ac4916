using AmbassadorNet.Messaging.Audit;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Idempotency;
using AmbassadorNet.Tracking.Clicks;
using AmbassadorNet.Tracking.Resolution;

namespace AmbassadorNet.Tracking.Api;

/// <summary>The tracking API: every route, its role-table row and its summary, in one place.</summary>
public static class TrackingApi
{
    /// <summary>What each tag of this API groups, for its OpenAPI document.</summary>
    public static IReadOnlyDictionary<string, string> Tags { get; } = new Dictionary<string, string>
    {
        ["Redirect"] = "The public tracking link a visitor clicks: a redirect to the campaign's destination that records the click.",
        ["Links"] = "Tracking links issued for enrollments and their posts, listed and deactivated.",
        ["Promo codes"] = "Promo codes issued for enrollments and their posts, which attribute an order without a click.",
        ["Conversions"] = "Orders and refunds a shop posts, attributed to a creator by promo code or click.",
        ["Clicks"] = "Stored clicks one by one, as the ClicksCounted events count them: by batch, link, creator, post or time.",
        [CreatorSelf] = "What a creator reads with their own creator credential: their links and promo codes, and nothing of anyone else's.",
    };

    /// <summary>The tag of a creator's own routes, as the campaigns service names it.</summary>
    public const string CreatorSelf = "Creator's own";

    public static IEndpointRouteBuilder MapTrackingApi(this IEndpointRouteBuilder app)
    {
        // Short-circuited: answered as soon as routing matched it, without the authentication,
        // authorization, brand scope and idempotency middleware after routing (an anonymous GET has no
        // use for them), on the path every visitor takes.
        app.MapMethods("/r/{code}", [HttpMethods.Get, HttpMethods.Head], RedirectEndpoint.RedirectAsync).AllowAnonymous().ShortCircuit().WithTags("Redirect")
            .WithName("FollowTrackingLink").WithSummary("Public: 302 to the campaign's destination with UTM parameters and amb_cid; 404 for an unknown code.")
            // One endpoint answers both methods; operation ids must be unique, and GET keeps the published one.
            .AddOpenApiOperationTransformer((operation, context, _) =>
            {
                if (HttpMethods.IsHead(context.Description.HttpMethod ?? ""))
                {
                    operation.OperationId = "PreviewTrackingLink";
                    operation.Summary = "Public: the redirect's status and Location without a body, as link previewers ask; the click is stored with the bot flag.";
                }

                return Task.CompletedTask;
            });

        var links = app.MapGroup("/api/links").WithTags("Links");
        links.MapGet("/", LinkEndpoints.ListAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("ListLinks").WithSummary("The brand's tracking links, newest first, by enrollment, campaign, creator or post; cursor-paginated.");
        links.MapPost("/", LinkEndpoints.CreateAsync).RequireAccess(AccessPolicies.CatalogWrite).Idempotent()
            .WithName("CreateLink").WithSummary("Issues another tracking link for an active enrollment (e.g. one per platform) or for one of its posts.");
        links.MapPost("/{id:guid}/deactivate", LinkEndpoints.DeactivateAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("DeactivateLink").WithSummary("Stops a link redirecting: it answers 404 on every replica within moments.");

        var codes = app.MapGroup("/api/promo-codes").WithTags("Promo codes");
        codes.MapGet("/", PromoCodeEndpoints.ListAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("ListPromoCodes").WithSummary("The brand's promo codes, newest first, by enrollment, campaign or post; cursor-paginated.");
        codes.MapPost("/", PromoCodeEndpoints.CreateAsync).RequireAccess(AccessPolicies.CatalogWrite).Idempotent()
            .WithName("CreatePromoCode").WithSummary("Issues another promo code for an active enrollment or one of its posts: the brand's choice, or derived from the handle.");
        codes.MapPost("/{id:guid}/deactivate", PromoCodeEndpoints.DeactivateAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("DeactivatePromoCode").WithSummary("Retires a promo code; PromoCodeDeactivated tells shops to disable it.");

        // A creator's own (creator credentials only): the brand's lists, narrowed to the token's creator by the query filter.
        app.MapGet("/api/me/links", LinkEndpoints.ListAsync).RequireAccess(AccessPolicies.CreatorSelf).WithTags(CreatorSelf)
            .WithName("ListMyLinks").WithSummary("The creator's tracking links (their enrollments' and posts'), newest first, with the filters of the brand's list; cursor-paginated.");
        app.MapGet("/api/me/promo-codes", PromoCodeEndpoints.ListAsync).RequireAccess(AccessPolicies.CreatorSelf).WithTags(CreatorSelf)
            .WithName("ListMyPromoCodes").WithSummary("The creator's promo codes (their enrollments' and posts'), newest first, with the filters of the brand's list; cursor-paginated.");

        var conversions = app.MapGroup("/api/conversions").WithTags("Conversions");
        const string ShopFacts = "a shop's orders and refunds: recorded as they are, in volume, with their own append-only record";
        conversions.MapPost("/", ConversionEndpoints.PostAsync).RequireAccess(AccessPolicies.ConversionsWrite).Accepts<PostConversionRequest>("application/json")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .NotAudited(ShopFacts)
            .WithName("PostConversion").WithSummary("A shop's order, attributed once (promo code, else click within the window, else kept unattributed); idempotent per order id.");
        conversions.MapPost("/{orderId}/refunds", RefundEndpoints.PostAsync).RequireAccess(AccessPolicies.ConversionsWrite).Accepts<PostRefundRequest>("application/json")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .NotAudited(ShopFacts)
            .WithName("PostRefund").WithSummary("A partial or full refund of a posted order; idempotent by refund id; the refunded total never exceeds the order.");
        conversions.MapGet("/", ConversionEndpoints.ListAsync).RequireAccess(AccessPolicies.ConversionsRead)
            .WithName("ListConversions").WithSummary("The brand's conversions, latest order first, with attribution, flags and refunded total; filtered; cursor-paginated.");

        app.MapGet("/api/clicks", ClickEndpoints.ListAsync).RequireAccess(AccessPolicies.ClicksRead).WithTags("Clicks")
            .WithName("ListClicks").WithSummary("The brand's stored clicks (within click retention), latest first; by batch (a ClicksCounted event's batchId), link, campaign, creator, post or time; cursor-paginated.");

        app.MapGet("/ops/redirect-stats", (RedirectStats stats, ClickBuffer buffer, CodeDirectory directory) =>
                TypedResults.Ok(new RedirectStatsView(stats.Answered, stats.Stored, stats.Dropped, buffer.Pending, stats.Batches, directory.LinkCount)))
            .RequireAccess(AccessPolicies.Operations).WithTags("Operations")
            .WithName("GetRedirectStats").WithSummary("Redirects this replica answered and clicks stored, dropped and pending, to compare answered with stored.");
        return app;
    }
}
