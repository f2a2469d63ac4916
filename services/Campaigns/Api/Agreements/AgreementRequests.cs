using AmbassadorNet.Campaigns.Api.UsageRights;
using AmbassadorNet.Campaigns.Domain.Agreements;

namespace AmbassadorNet.Campaigns.Api.Agreements;

/// <summary>
/// Sends the next version of an enrollment's agreement: the terms as <see cref="Text"/> or as a
/// template with <see cref="Fields"/>, and what the appendix states. <see cref="AcceptBy"/> defaults to
/// 14 days from now. <see cref="UsageRights"/>: 0 to 10 grants, stated in the appendix; the enrollment's
/// posts inherit them once this version is accepted.
/// </summary>
public sealed record SendAgreementRequest(
    Guid? EnrollmentId, Guid? TemplateId, string? Text, Dictionary<string, string>? Fields, IReadOnlyList<OwedDeliverableRequest>? DeliverablesOwed,
    FeeRequest? Fee, ExclusivityRequest? Exclusivity, DateTimeOffset? AcceptBy, IReadOnlyList<UsageGrantRequest?>? UsageRights = null);

public sealed record OwedDeliverableRequest(string? Type, int? Count);

public sealed record FeeRequest(decimal? Amount, string? Currency);

/// <summary>Categories (slugs) the creator promises not to promote competitors in, from <see cref="StartsOn"/> to <see cref="EndsOn"/>.</summary>
public sealed record ExclusivityRequest(IReadOnlyList<string>? Categories, DateOnly? StartsOn, DateOnly? EndsOn);

/// <summary>The creator confirms the SHA-256 of the text they read (GET .../text answers it in the ETag too).</summary>
public sealed record AcceptAgreementRequest(string? TextSha256);

public sealed record CreateTemplateRequest(string? Name, string? Text);

public sealed record AgreementView(
    Guid Id, Guid CampaignId, Guid EnrollmentId, Guid CreatorId, int AgreementVersion, AgreementStatus Status, Guid? TemplateId,
    IReadOnlyDictionary<string, string>? Fields, string TextSha256, IReadOnlyList<OwedDeliverable> DeliverablesOwed, decimal? FeeAmount, string? FeeCurrency,
    int? CommissionTermsVersion, ExclusivityView? Exclusivity, DateTimeOffset SentAt, DateTimeOffset AcceptBy, DateTimeOffset? AcceptedAt,
    Guid? AcceptedWithKeyId, DateTimeOffset? ClosedAt, bool Erased, long Version, IReadOnlyList<UsageGrantView> UsageRights)
{
    public static AgreementView From(Agreement a) => new(
        a.Id, a.CampaignId, a.EnrollmentId, a.CreatorId, a.AgreementVersion, a.Status, a.TemplateId, a.Fields, a.TextSha256, a.DeliverablesOwed,
        a.FeeAmount is { } fee ? Currency.Normalized(fee, a.FeeCurrency!) : null, a.FeeCurrency, a.CommissionTermsVersion,
        a.ExclusivityCategories.Count == 0 ? null : new ExclusivityView(a.ExclusivityCategories, a.ExclusiveFrom!.Value, a.ExclusiveUntil!.Value),
        a.SentAt, a.AcceptBy, a.AcceptedAt, a.AcceptedWithKeyId, a.ClosedAt, a.Erased, a.Version, UsageGrantView.List(a.UsageRights));
}

public sealed record ExclusivityView(IReadOnlyList<string> Categories, DateOnly StartsOn, DateOnly EndsOn);

public sealed record AgreementPage(IReadOnlyList<AgreementView> Items, string? NextCursor);

public sealed record TemplateView(Guid Id, string Name, string Text, IReadOnlyList<string> Placeholders, DateTimeOffset CreatedAt)
{
    public static TemplateView From(AgreementTemplate t) => new(t.Id, t.Name, t.Text, AgreementDocument.PlaceholdersOf(t.Text), t.CreatedAt);
}

public sealed record TemplatePage(IReadOnlyList<TemplateView> Items, string? NextCursor);
