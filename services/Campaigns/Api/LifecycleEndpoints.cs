using AmbassadorNet.Campaigns.Domain.Experiments;

namespace AmbassadorNet.Campaigns.Api;

/// <summary>Draft → Active ⇄ Paused → Ended; each move is one version and one event, an illegal one a 409.</summary>
internal static class LifecycleEndpoints
{
    public static async Task<Ok<CampaignView>> LaunchAsync(Guid id, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var campaign = await db.LoadCampaignAsync(id, ct);
        var now = clock.GetUtcNow();
        if (campaign.Status == CampaignStatus.Draft && CampaignRules.Completeness(CampaignDraft.From(campaign), now) is { IsEmpty: false } missing)
        {
            throw new ConflictException("The campaign is not complete enough to launch; see errors for what is missing.")
            {
                Extensions = { ["errors"] = missing.ToDictionary() },
            };
        }

        db.TermsVersions.Add(campaign.Launch(now, Ids.New(clock)));
        return await SaveAsync(db, campaign, CampaignEventFactory.Launched(campaign), clock, ct);
    }

    public static Task<Ok<CampaignView>> PauseAsync(Guid id, CampaignsDbContext db, TimeProvider clock, CancellationToken ct) =>
        MoveAsync(id, db, clock, ct, (c, now) => c.Pause(now), CampaignEventFactory.Paused);

    public static Task<Ok<CampaignView>> ResumeAsync(Guid id, CampaignsDbContext db, TimeProvider clock, CancellationToken ct) =>
        MoveAsync(id, db, clock, ct, (c, now) => c.Resume(now), CampaignEventFactory.Resumed);

    /// <summary>Ends the campaign and, in the same save, every experiment of it still running.</summary>
    public static async Task<Ok<CampaignView>> EndAsync(Guid id, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var campaign = await db.LoadCampaignAsync(id, ct);
        var now = clock.GetUtcNow();
        campaign.End(now);
        foreach (var experiment in await db.Experiments.Where(e => e.CampaignId == id && e.Status == ExperimentStatus.Running).ToListAsync(ct))
        {
            experiment.End(ExperimentEnding.CampaignEnded, now);
            db.AddEvent(ExperimentEventFactory.Ended(experiment), clock);
        }

        return await SaveAsync(db, campaign, CampaignEventFactory.Ended(campaign), clock, ct);
    }

    /// <summary>The terms in force at <paramref name="at"/> (default now): what an order placed then earns under.</summary>
    public static async Task<Ok<TermsVersionView>> TermsAtAsync(Guid id, DateTimeOffset? at, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        await db.LoadCampaignAsync(id, ct);
        var when = at ?? clock.GetUtcNow();
        var version = await db.TermsInForceAsync(id, when, ct) ?? throw new NotFoundException($"Campaign {id} has no terms yet: it was never launched.");
        return TypedResults.Ok(TermsVersionView.From(version));
    }

    public static async Task<Ok<List<TermsVersionView>>> TermsHistoryAsync(Guid id, CampaignsDbContext db, CancellationToken ct)
    {
        await db.LoadCampaignAsync(id, ct); // 404 for another brand's campaign, not an empty list
        var versions = await db.TermsVersions.AsNoTracking().Where(v => v.CampaignId == id).OrderBy(v => v.TermsVersion).ToListAsync(ct);
        return TypedResults.Ok(versions.Select(TermsVersionView.From).ToList());
    }

    private static async Task<Ok<CampaignView>> MoveAsync(
        Guid id, CampaignsDbContext db, TimeProvider clock, CancellationToken ct, Action<Campaign, DateTimeOffset> move, Func<Campaign, IIntegrationEvent> changed)
    {
        var campaign = await db.LoadCampaignAsync(id, ct);
        move(campaign, clock.GetUtcNow());
        return await SaveAsync(db, campaign, changed(campaign), clock, ct);
    }

    private static async Task<Ok<CampaignView>> SaveAsync(CampaignsDbContext db, Campaign campaign, IIntegrationEvent changed, TimeProvider clock, CancellationToken ct)
    {
        db.AddEvent(changed, clock);
        await db.SaveAsync(ct);
        return TypedResults.Ok(CampaignView.From(campaign));
    }
}
