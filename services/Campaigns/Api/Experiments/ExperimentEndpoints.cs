using AmbassadorNet.Campaigns.Domain.Experiments;
using AmbassadorNet.Persistence.Pagination;

namespace AmbassadorNet.Campaigns.Api.Experiments;

/// <summary>Experiments: declare one in a campaign, read one (with its variants' post counts), list them, end one. Declaring and ending each publish one event.</summary>
internal static class ExperimentEndpoints
{
    private static readonly KeysetOrder<Experiment, DateTimeOffset> Newest = new("created", e => e.CreatedAt, e => e.Id, descending: true);

    public static async Task<Created<ExperimentView>> DeclareAsync(DeclareExperimentRequest request, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check(request.CampaignId is not null && request.CampaignId != Guid.Empty, "campaignId", "The campaign whose content is tested.");
        var name = request.Name?.Trim();
        errors.Check(name is { Length: > 0 and <= 200 }, "name", "What the experiment is called, at most 200 characters.");
        var hypothesis = string.IsNullOrWhiteSpace(request.Hypothesis) ? null : request.Hypothesis.Trim();
        errors.Check(hypothesis is null or { Length: <= 1000 }, "hypothesis", "At most 1000 characters.");
        var variants = request.Variants?.Select(v => new ExperimentVariant(v.Key?.Trim().ToLowerInvariant()!, v.Name?.Trim()!, string.IsNullOrWhiteSpace(v.Description) ? null : v.Description.Trim())).ToList();
        var control = request.Control?.Trim().ToLowerInvariant();
        ExperimentRules.CheckVariants(variants, control, errors);
        var assignment = DraftMerge.Parse<VariantAssignment>(request.Assignment ?? "brand", errors, "assignment");
        errors.Check(request.Seed is null || assignment == VariantAssignment.Random, "seed", "A seed is for random assignment only.");
        errors.Check(request.Seed is null or >= 0, "seed", "A whole number of 0 or more.");
        ExperimentRules.CheckSignificance(request.SignificanceLevel, errors);
        errors.ThrowIfAny();

        var campaign = await db.LoadCampaignAsync(request.CampaignId!.Value, ct);
        if (campaign.Status == CampaignStatus.Ended)
        {
            throw new ConflictException($"Campaign {campaign.Id} has ended: it posts nothing more to test.");
        }

        var now = clock.GetUtcNow();
        var experiment = new Experiment
        {
            Id = Ids.New(clock), BrandId = db.CurrentBrandId, CampaignId = campaign.Id, Name = name!, Hypothesis = hypothesis, Variants = variants!,
            ControlVariant = control!, Assignment = assignment!.Value,
            Seed = assignment == VariantAssignment.Random ? request.Seed ?? VariantDraw.NewSeed() : null,
            SignificanceLevel = request.SignificanceLevel ?? ExperimentRules.DefaultSignificance, Status = ExperimentStatus.Running,
            Version = 1, CreatedAt = now, UpdatedAt = now,
        };
        db.Experiments.Add(experiment);
        db.AddEvent(ExperimentEventFactory.Started(experiment), clock);
        await db.SaveAsync(ct);
        return TypedResults.Created($"/api/experiments/{experiment.Id}", ExperimentView.From(experiment));
    }

    public static async Task<Ok<ExperimentView>> GetAsync(Guid id, CampaignsDbContext db, CancellationToken ct)
    {
        var experiment = await LoadAsync(db, id, ct);
        var posts = await db.Posts.Where(p => p.ExperimentId == id).GroupBy(p => p.Variant!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return TypedResults.Ok(ExperimentView.From(experiment, posts.ToDictionary(p => p.Key, p => p.Count)));
    }

    public static async Task<Ok<ExperimentPage>> ListAsync(Guid? campaignId, string? status, string? cursor, int? limit, CampaignsDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var wanted = status is null ? null : DraftMerge.Parse<ExperimentStatus>(status, errors, "status");
        errors.Check(limit is null or >= 1 and <= KeysetPagination.MaxLimit, "limit", $"Between 1 and {KeysetPagination.MaxLimit}.");
        errors.ThrowIfAny();
        var query = db.Experiments.AsNoTracking();
        query = campaignId is { } c ? query.Where(e => e.CampaignId == c) : query;
        query = wanted is { } s ? query.Where(e => e.Status == s) : query;
        var page = await query.ToPageAsync(Newest, cursor, limit ?? 50, ct);
        return TypedResults.Ok(new ExperimentPage([.. page.Items.Select(e => ExperimentView.From(e))], page.NextCursor));
    }

    public static async Task<Ok<ExperimentView>> EndAsync(Guid id, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var experiment = await LoadAsync(db, id, ct);
        experiment.End(ExperimentEnding.ByBrand, clock.GetUtcNow());
        db.AddEvent(ExperimentEventFactory.Ended(experiment), clock);
        await db.SaveAsync(ct);
        return TypedResults.Ok(ExperimentView.From(experiment));
    }

    private static async Task<Experiment> LoadAsync(CampaignsDbContext db, Guid id, CancellationToken ct) =>
        await db.Experiments.SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException($"Experiment {id} does not exist.");
}
