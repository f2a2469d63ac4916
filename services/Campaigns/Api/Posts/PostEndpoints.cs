using AmbassadorNet.Campaigns.Api.Disclosure;
using AmbassadorNet.Campaigns.Api.UsageRights;
using AmbassadorNet.Campaigns.Domain.Disclosure;
using AmbassadorNet.Campaigns.Domain.Posts;
using AmbassadorNet.Campaigns.Domain.UsageRights;
using AmbassadorNet.Persistence.Pagination;

namespace AmbassadorNet.Campaigns.Api.Posts;

/// <summary>Posts: record one (optionally submitting a deliverable with it), read one, list them.</summary>
internal static class PostEndpoints
{
    private static readonly KeysetOrder<Post, DateTimeOffset> Newest = new("published", p => p.PublishedAt, p => p.Id, descending: true);

    public static async Task<Created<PostView>> RecordAsync(RecordPostRequest request, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var fields = PostValidation.Check(request, now);
        var enrollment = await db.Enrollments.SingleOrDefaultAsync(e => e.Id == fields.EnrollmentId, ct)
            ?? throw new NotFoundException($"Enrollment {fields.EnrollmentId} does not exist.");
        if (enrollment.Status != EnrollmentStatus.Active)
        {
            throw new ConflictException($"Posts are recorded for active enrollments; this one is {enrollment.Status.ToString().ToLowerInvariant()}.");
        }

        if (await db.Posts.Where(p => p.Url == fields.Url).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(ct) is { } existing)
        {
            throw new ConflictException($"This post is already recorded as {existing}.");
        }

        var creator = await db.Creators.AsNoTracking().SingleOrDefaultAsync(c => c.CreatorId == enrollment.CreatorId, ct);
        var post = new Post
        {
            Id = Ids.New(clock), BrandId = db.CurrentBrandId, CampaignId = enrollment.CampaignId, EnrollmentId = enrollment.Id, CreatorId = enrollment.CreatorId,
            Platform = fields.Platform.Name, Format = fields.Format, Url = fields.Url, PublishedAt = fields.PublishedAt, Language = fields.Language,
            Market = fields.Market ?? creator?.Country ?? "", Caption = fields.Caption, PaidPartnershipLabel = request.PaidPartnershipLabel ?? false,
            CreatorFollowers = creator?.FollowersByPlatform.GetValueOrDefault(fields.Platform.Name) is > 0 and var followers ? followers : null,
            TrackingLinkRequested = request.TrackingLink ?? true, PromoCodeRequested = request.PromoCode ?? false, Version = 1, CreatedAt = now, UpdatedAt = now,
        };
        if (post.Market.Length != 2)
        {
            throw new RequestValidationException("market", "The creator's country is not known here; name the market (ISO 3166-1 alpha-2).");
        }

        if (request.DeliverableId is { } deliverableId)
        {
            await SubmitDeliverableAsync(db, enrollment, deliverableId, post, clock, ct);
        }

        await JoinExperimentAsync(db, request, post, ct);
        await db.CheckDisclosureAsync(post, ct);

        db.Posts.Add(post);
        db.AddEvent(PostEventFactory.Recorded(post), clock);
        await db.SaveAsync(ct);
        return TypedResults.Created($"/api/posts/{post.Id}", await db.PostViewAsync(post, clock, ct));
    }

    public static async Task<Ok<PostView>> GetAsync(Guid id, CampaignsDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await db.PostViewAsync(await db.LoadPostAsync(id, ct), clock, ct));

    public static async Task<Ok<PostPage>> ListAsync(
        Guid? campaignId, Guid? enrollmentId, Guid? creatorId, Guid? deliverableId, string? platform, string? format, string? disclosure, string? rights, string? cursor, int? limit,
        CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check(platform is null || Platforms.Find(platform) is not null, "platform", $"One of: {Platforms.Names}.");
        var wantedFormat = format is null ? null : DraftMerge.Parse<PostFormat>(format, errors, "format");
        var wantedDisclosure = disclosure is null ? null : DraftMerge.Parse<DisclosureStatus>(disclosure, errors, "disclosure");
        var wantedRights = rights is null ? null : DraftMerge.Parse<UsageRightsStatus>(rights, errors, "rights");
        errors.Check(limit is null or >= 1 and <= KeysetPagination.MaxLimit, "limit", $"Between 1 and {KeysetPagination.MaxLimit}.");
        errors.ThrowIfAny();
        var query = db.Posts.AsNoTracking();
        query = campaignId is { } c ? query.Where(p => p.CampaignId == c) : query;
        query = enrollmentId is { } e ? query.Where(p => p.EnrollmentId == e) : query;
        query = creatorId is { } k ? query.Where(p => p.CreatorId == k) : query;
        query = deliverableId is { } d ? query.Where(p => p.DeliverableId == d) : query;
        query = Platforms.Find(platform) is { } wantedPlatform ? query.Where(p => p.Platform == wantedPlatform.Name) : query;
        query = wantedFormat is { } f ? query.Where(p => p.Format == f) : query;
        query = wantedDisclosure is { } s ? query.Where(p => p.DisclosureStatus == s) : query;
        if (wantedRights is { } r)
        {
            query = query.WhereUsageRights(db, r, UsageRightsStore.Today(clock), (await db.UsageRightsPolicyAsync(ct)).ExpiringWithinDays);
        }

        var page = await query.ToPageAsync(Newest, cursor, limit ?? 50, ct);
        var summaries = await db.UsageRightsSummariesAsync(page.Items, clock, ct);
        return TypedResults.Ok(new PostPage([.. page.Items.Select(p => PostView.From(p, summaries[p.Id]))], page.NextCursor));
    }

    /// <summary>The experiment must be running in the post's campaign; the variant is the brand's choice or the seeded draw.</summary>
    private static async Task JoinExperimentAsync(CampaignsDbContext db, RecordPostRequest request, Post post, CancellationToken ct)
    {
        if (request.ExperimentId is not { } experimentId)
        {
            if (request.Variant is not null)
            {
                throw new RequestValidationException("variant", "A variant belongs to an experiment: name experimentId too.");
            }

            return;
        }

        var experiment = await db.Experiments.SingleOrDefaultAsync(e => e.Id == experimentId && e.CampaignId == post.CampaignId, ct)
            ?? throw new RequestValidationException("experimentId", "An experiment of the post's campaign.");
        (post.ExperimentId, post.Variant) = (experiment.Id, experiment.VariantFor(post.Id, request.Variant?.Trim().ToLowerInvariant()));
    }

    /// <summary>The deliverable must be the enrollment's, waiting for content, and of a type the post's format fulfils.</summary>
    private static async Task SubmitDeliverableAsync(CampaignsDbContext db, Enrollment enrollment, Guid deliverableId, Post post, TimeProvider clock, CancellationToken ct)
    {
        var deliverable = await db.Deliverables.SingleOrDefaultAsync(d => d.Id == deliverableId && d.EnrollmentId == enrollment.Id, ct)
            ?? throw new NotFoundException($"Deliverable {deliverableId} of enrollment {enrollment.Id} does not exist.");
        if (!DeliverableFormats.Fulfils(post.Format, deliverable.Type))
        {
            var formats = string.Join(", ", DeliverableFormats.Of(deliverable.Type).Select(SnakeCaseEnums.Name));
            throw new RequestValidationException("format", $"A {SnakeCaseEnums.Name(deliverable.Type)} deliverable is fulfilled by a post of format {formats}.");
        }

        deliverable.Submit(post.Url!, post.CreatedAt, post.Id);
        post.DeliverableId = deliverable.Id;
        db.AddEvent(EnrollmentEventFactory.Submitted(deliverable), clock);
    }
}
