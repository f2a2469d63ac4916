using System.Text.Json;
using AmbassadorNet.Persistence.Conventions;
using AmbassadorNet.Persistence.Pagination;

namespace AmbassadorNet.Campaigns.Api;

/// <summary>Drafting, reading and changing campaigns. Drafts change freely and silently; a launched campaign's changes are events.</summary>
internal static class CampaignEndpoints
{
    private static readonly KeysetOrder<Campaign, DateTimeOffset> Newest = new("newest", c => c.CreatedAt, c => c.Id, descending: true);

    public static async Task<Created<CampaignView>> CreateAsync(CampaignRequest request, CampaignsDbContext db, TimeProvider clock, IHostEnvironment env, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var draft = DraftMerge.Merge(CampaignDraft.New, request, errors);
        CampaignRules.Validate(draft, env.IsDevelopment(), errors).ThrowIfAny();
        var now = clock.GetUtcNow();
        var campaign = new Campaign { Id = Ids.New(clock), BrandId = db.CurrentBrandId, Status = CampaignStatus.Draft, Terms = draft.Terms, Version = 1, CreatedAt = now, UpdatedAt = now };
        draft.ApplyDetailsTo(campaign);
        db.Campaigns.Add(campaign);
        await db.SaveAsync(ct);
        return TypedResults.Created($"/api/campaigns/{campaign.Id}", CampaignView.From(campaign));
    }

    public static async Task<Ok<CampaignView>> GetAsync(Guid id, CampaignsDbContext db, CancellationToken ct) =>
        TypedResults.Ok(CampaignView.From(await db.LoadCampaignAsync(id, ct)));

    public static async Task<Ok<CampaignPage>> ListAsync(string? status, string? cursor, int? limit, CampaignsDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var wanted = status is null ? null : DraftMerge.Parse<CampaignStatus>(status, errors, "status");
        errors.Check(limit is null or >= 1 and <= KeysetPagination.MaxLimit, "limit", $"Between 1 and {KeysetPagination.MaxLimit}.");
        errors.ThrowIfAny();
        var query = db.Campaigns.AsNoTracking();
        if (wanted is { } s)
        {
            query = query.Where(c => c.Status == s);
        }

        var page = await query.ToPageAsync(Newest, cursor, limit ?? 50, ct);
        return TypedResults.Ok(new CampaignPage(page.Items.Select(CampaignView.From).ToList(), page.NextCursor));
    }

    public static async Task<Ok<CampaignView>> UpdateAsync(Guid id, CampaignRequest request, CampaignsDbContext db, TimeProvider clock, IHostEnvironment env, CancellationToken ct)
    {
        var campaign = await db.LoadCampaignAsync(id, ct);
        if (campaign.Status == CampaignStatus.Ended)
        {
            throw new ConflictException("An ended campaign cannot change.");
        }

        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        var before = CampaignDraft.From(campaign);
        var after = DraftMerge.Merge(before, request, errors);
        CampaignRules.Validate(after, env.IsDevelopment(), errors);
        errors.Check(request.EffectiveFrom is null || request.EffectiveFrom >= now, "effectiveFrom", "Terms change only forward: now or later.");
        errors.ThrowIfAny();
        if (Same(before, after))
        {
            return TypedResults.Ok(CampaignView.From(campaign)); // nothing changed: no version, no event
        }

        after.ApplyDetailsTo(campaign);
        if (!campaign.IsLaunched)
        {
            campaign.Terms = after.Terms;
            campaign.Touch(now);
        }
        else if (!Same(before.Terms, after.Terms))
        {
            var previous = CampaignEventFactory.Terms(campaign.Terms, campaign.TermsVersion, campaign.TermsEffectiveFrom!.Value);
            db.TermsVersions.Add(campaign.ChangeTerms(after.Terms, request.EffectiveFrom ?? now, now, Ids.New(clock)));
            db.AddEvent(CampaignEventFactory.TermsChanged(campaign, previous), clock);
        }
        else
        {
            campaign.Touch(now);
            db.AddEvent(CampaignEventFactory.Updated(campaign), clock);
        }

        await db.SaveAsync(ct);
        return TypedResults.Ok(CampaignView.From(campaign));
    }

    private static bool Same<T>(T a, T b) => JsonSerializer.Serialize(a, JsonColumn.Options) == JsonSerializer.Serialize(b, JsonColumn.Options);
}
