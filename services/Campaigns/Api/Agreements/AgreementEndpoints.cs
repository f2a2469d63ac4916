using System.Globalization;
using System.Security.Claims;
using AmbassadorNet.Campaigns.Api.UsageRights;
using AmbassadorNet.Campaigns.Domain.Agreements;
using AmbassadorNet.Campaigns.Domain.UsageRights;
using AmbassadorNet.Persistence.Pagination;
using AmbassadorNet.Security;

namespace AmbassadorNet.Campaigns.Api.Agreements;

/// <summary>
/// Agreements: the brand sends versions, anyone of the brand reads them, the creator (with their own
/// credential, under the same handlers narrowed to them) reads and accepts them.
/// </summary>
internal static class AgreementEndpoints
{
    private static readonly KeysetOrder<Agreement, DateTimeOffset> Newest = new("sent", a => a.SentAt, a => a.Id, descending: true);

    public static async Task<Created<AgreementView>> SendAsync(SendAgreementRequest request, ClaimsPrincipal caller, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        AgreementValidation.Check(request, now, errors);
        var usageRights = UsageGrantValidation.Check(request.UsageRights, "usageRights", errors);
        errors.ThrowIfAny();
        var enrollment = await db.Enrollments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == request.EnrollmentId, ct)
            ?? throw new NotFoundException($"Enrollment {request.EnrollmentId} does not exist.");
        if (!enrollment.IsCurrent)
        {
            throw new ConflictException($"Agreements are sent to invited or active enrollments; this one is {SnakeCaseEnums.Name(enrollment.Status)}.");
        }

        var campaign = await db.LoadCampaignAsync(enrollment.CampaignId, ct);
        var earlier = await db.Agreements.Where(a => a.EnrollmentId == enrollment.Id).ToListAsync(ct);
        var agreement = Draft(request, enrollment, campaign, earlier.Count + 1, caller.GetApiKeyId(), now, clock);
        agreement.UsageRights = UsageGrant.Hold(usageRights, agreement.BrandId, agreement.Id, null, clock);
        var terms = await TermsAsync(db, request, enrollment, campaign, agreement, ct);
        agreement.Text = AgreementDocument.Compose(terms, agreement, campaign.Name);
        agreement.TextSha256 = AgreementDocument.Sha256(agreement.Text);
        foreach (var waiting in earlier.Where(a => a.Status == AgreementStatus.Sent))
        {
            waiting.Supersede(now);
        }

        db.Agreements.Add(agreement);
        db.AddEvent(AgreementEventFactory.Sent(agreement), clock);
        await db.SaveAsync(ct);
        return TypedResults.Created($"/api/agreements/{agreement.Id}", AgreementView.From(agreement));
    }

    public static async Task<Ok<AgreementPage>> ListAsync(
        Guid? enrollmentId, Guid? campaignId, Guid? creatorId, string? status, string? cursor, int? limit, CampaignsDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var wanted = status is null ? null : DraftMerge.Parse<AgreementStatus>(status, errors, "status");
        errors.Check(limit is null or >= 1 and <= KeysetPagination.MaxLimit, "limit", $"Between 1 and {KeysetPagination.MaxLimit}.");
        errors.ThrowIfAny();
        var query = db.Agreements.AsNoTracking().Include(a => a.UsageRights).AsQueryable();
        query = enrollmentId is { } e ? query.Where(a => a.EnrollmentId == e) : query;
        query = campaignId is { } c ? query.Where(a => a.CampaignId == c) : query;
        query = creatorId is { } k ? query.Where(a => a.CreatorId == k) : query;
        query = wanted is { } s ? query.Where(a => a.Status == s) : query;
        var page = await query.ToPageAsync(Newest, cursor, limit ?? 50, ct);
        return TypedResults.Ok(new AgreementPage([.. page.Items.Select(AgreementView.From)], page.NextCursor));
    }

    public static async Task<Ok<AgreementView>> GetAsync(Guid id, CampaignsDbContext db, CancellationToken ct) =>
        TypedResults.Ok(AgreementView.From(await LoadAsync(db, id, ct)));

    /// <summary>The exact bytes that were sent, with their SHA-256 as the ETag: what the creator reads and confirms.</summary>
    public static async Task<IResult> TextAsync(Guid id, HttpContext http, CampaignsDbContext db, CancellationToken ct)
    {
        var agreement = await LoadAsync(db, id, ct);
        if (agreement.Text is null)
        {
            throw new GoneException($"The text of agreement {id} was erased with the creator's personal data; its SHA-256 {agreement.TextSha256} remains.");
        }

        http.Response.Headers.ETag = $"\"{agreement.TextSha256}\"";
        return TypedResults.Text(agreement.Text, "text/plain; charset=utf-8");
    }

    /// <summary>The creator accepts, confirming the hash of the text they read; their credential is recorded.</summary>
    public static async Task<Ok<AgreementView>> AcceptAsync(Guid id, AcceptAgreementRequest request, ClaimsPrincipal caller, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        new FieldErrors().Check(request.TextSha256 is { Length: 64 } h && h.All(char.IsAsciiHexDigitLower), "textSha256",
            "The SHA-256 of the text you accept, 64 lower-case hex digits (the ETag of GET .../text).").ThrowIfAny();
        var agreement = await LoadAsync(db, id, ct);
        agreement.Accept(request.TextSha256!, caller.GetApiKeyId(), clock.GetUtcNow());
        db.AddEvent(AgreementEventFactory.Accepted(agreement), clock);
        await db.SaveAsync(ct);
        return TypedResults.Ok(AgreementView.From(agreement));
    }

    private static Agreement Draft(SendAgreementRequest r, Enrollment enrollment, Campaign campaign, int version, Guid? sentBy, DateTimeOffset now, TimeProvider clock) => new()
    {
        Id = Ids.New(clock), BrandId = enrollment.BrandId, CampaignId = enrollment.CampaignId, EnrollmentId = enrollment.Id, CreatorId = enrollment.CreatorId,
        AgreementVersion = version, Status = AgreementStatus.Sent, TemplateId = r.TemplateId, Fields = r.Fields,
        DeliverablesOwed = [.. (r.DeliverablesOwed ?? []).Select(d => new OwedDeliverable(SnakeCaseEnums.Parse<DeliverableType>(d.Type!), d.Count!.Value))],
        FeeAmount = r.Fee?.Amount, FeeCurrency = r.Fee?.Currency?.ToUpperInvariant(), CommissionTermsVersion = campaign.TermsVersion > 0 ? campaign.TermsVersion : null,
        ExclusivityCategories = [.. r.Exclusivity?.Categories ?? []], ExclusiveFrom = r.Exclusivity?.StartsOn, ExclusiveUntil = r.Exclusivity?.EndsOn,
        SentAt = now, SentByKeyId = sentBy, AcceptBy = r.AcceptBy ?? now + AgreementValidation.DefaultAcceptWindow, Version = 1, UpdatedAt = now,
    };

    /// <summary>The terms: the text given, or the template filled with the request's fields over the built-in ones.</summary>
    private static async Task<string> TermsAsync(CampaignsDbContext db, SendAgreementRequest r, Enrollment enrollment, Campaign campaign, Agreement agreement, CancellationToken ct)
    {
        if (r.TemplateId is not { } templateId)
        {
            return r.Text!;
        }

        var template = await db.AgreementTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == templateId, ct)
            ?? throw new RequestValidationException("templateId", $"The brand has no agreement template {templateId}.");
        var creator = await db.Creators.AsNoTracking().SingleOrDefaultAsync(c => c.CreatorId == enrollment.CreatorId, ct);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["creator.name"] = creator?.DisplayName ?? "",
            ["creator.handle"] = creator?.Handle ?? "",
            ["campaign.name"] = campaign.Name,
            ["agreement.version"] = agreement.AgreementVersion.ToString(CultureInfo.InvariantCulture),
            ["agreement.date"] = agreement.SentAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in r.Fields ?? [])
        {
            values[name] = value;
        }

        var (text, missing) = AgreementDocument.Fill(template.Text, values);
        return text ?? throw new RequestValidationException("fields", $"The template asks for {string.Join(", ", missing)}: give a value for each.");
    }

    private static async Task<Agreement> LoadAsync(CampaignsDbContext db, Guid id, CancellationToken ct) =>
        await db.Agreements.Include(a => a.UsageRights).SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException($"Agreement {id} does not exist.");
}
