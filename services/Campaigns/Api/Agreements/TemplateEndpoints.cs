using AmbassadorNet.Campaigns.Domain.Agreements;
using AmbassadorNet.Persistence.Pagination;

namespace AmbassadorNet.Campaigns.Api.Agreements;

/// <summary>A brand's agreement templates: made once, never changed (an agreement names the one it came from), listed and read.</summary>
internal static class TemplateEndpoints
{
    private static readonly KeysetOrder<AgreementTemplate, DateTimeOffset> Newest = new("created", t => t.CreatedAt, t => t.Id, descending: true);

    public static async Task<Created<TemplateView>> CreateAsync(CreateTemplateRequest request, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check(request.Name?.Trim().Length is >= 1 and <= 200, "name", "1 to 200 characters.");
        errors.Check(request.Text?.Trim().Length is >= 1 and <= AgreementDocument.MaxText, "text", $"1 to {AgreementDocument.MaxText} characters; {{{{field}}}} marks a value filled per agreement.");
        errors.ThrowIfAny();
        var template = new AgreementTemplate { Id = Ids.New(clock), BrandId = db.CurrentBrandId, Name = request.Name!.Trim(), Text = request.Text!.Trim(), CreatedAt = clock.GetUtcNow() };
        db.AgreementTemplates.Add(template);
        await db.SaveAsync(ct);
        return TypedResults.Created($"/api/agreement-templates/{template.Id}", TemplateView.From(template));
    }

    public static async Task<Ok<TemplatePage>> ListAsync(string? cursor, int? limit, CampaignsDbContext db, CancellationToken ct)
    {
        new FieldErrors().Check(limit is null or >= 1 and <= KeysetPagination.MaxLimit, "limit", $"Between 1 and {KeysetPagination.MaxLimit}.").ThrowIfAny();
        var page = await db.AgreementTemplates.AsNoTracking().ToPageAsync(Newest, cursor, limit ?? 50, ct);
        return TypedResults.Ok(new TemplatePage([.. page.Items.Select(TemplateView.From)], page.NextCursor));
    }

    public static async Task<Ok<TemplateView>> GetAsync(Guid id, CampaignsDbContext db, CancellationToken ct) =>
        TypedResults.Ok(TemplateView.From(await db.AgreementTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new NotFoundException($"Agreement template {id} does not exist.")));
}
