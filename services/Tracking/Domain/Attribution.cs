namespace AmbassadorNet.Tracking.Domain;

/// <summary>The promo code the shop sent, as found in this brand's codes, with its enrollment and campaign now.</summary>
public sealed record PromoCandidate(PromoCode Code, EnrollmentReplica? Enrollment, CampaignReplica? Campaign);

/// <summary>The click the shop sent, as found in this brand's clicks, with its enrollment and campaign now.</summary>
public sealed record ClickCandidate(Click Click, EnrollmentReplica? Enrollment, CampaignReplica? Campaign);

/// <summary>What the shop sent and what of it is known here; a sent code or click that is not found is null.</summary>
public sealed record AttributionInput(DateTimeOffset OrderedAt, bool PromoSent, PromoCandidate? Promo, bool ClickSent, ClickCandidate? Click);

/// <summary>
/// An attribution (method, enrollment, campaign, and the post when the attributing code or link is a
/// post's) or the reason there is none, plus the flags either way.
/// </summary>
public sealed record AttributionDecision(
    string? Method, EnrollmentReplica? Enrollment, CampaignReplica? Campaign, string? Reason, IReadOnlyList<string> Flags, DateTimeOffset? ClickedAt,
    Guid? PostId = null)
{
    public bool Attributed => Method is not null;
}

/// <summary>
/// The attribution rules, without I/O: a promo code of an earning enrollment wins; else a non-bot,
/// attributable click whose order came within the campaign's window; else unattributed with the
/// most specific reason. Flags describe the timing of the click the shop sent, whatever attributed.
/// </summary>
public static class Attribution
{
    public const string PromoCodeMethod = "promo_code";
    public const string ClickMethod = "click";
    public const string QuickOrderFlag = "click_to_order_under_5s";
    public const string OrderBeforeClickFlag = "order_before_click";

    /// <summary>Shops' clocks drift: an order this much before its click is still the click's (and flagged).</summary>
    public static readonly TimeSpan ClockSkewTolerance = TimeSpan.FromMinutes(5);

    /// <summary>Faster than a human buys: kept, but flagged.</summary>
    public static readonly TimeSpan QuickOrder = TimeSpan.FromSeconds(5);

    public static AttributionDecision Decide(AttributionInput input)
    {
        var click = input.Click?.Click;
        var flags = click is null ? [] : FlagsOf(input.OrderedAt - click.ClickedAt);
        string? promoReason = null;
        if (input.PromoSent)
        {
            promoReason = PromoFailure(input.Promo);
            if (promoReason is null)
            {
                return new(PromoCodeMethod, input.Promo!.Enrollment, input.Promo.Campaign, null, flags, click?.ClickedAt, input.Promo.Code.PostId);
            }
        }

        if (input.ClickSent)
        {
            // The click rule ran last and got furthest, so its reason is the most specific one.
            var clickReason = ClickFailure(input.Click, input.OrderedAt);
            return clickReason is null
                ? new(ClickMethod, input.Click!.Enrollment, input.Click.Campaign, null, flags, click!.ClickedAt, click.PostId)
                : new(null, null, null, clickReason, flags, click?.ClickedAt);
        }

        return new(null, null, null, promoReason ?? "no_click_or_code", flags, null);
    }

    public static IReadOnlyList<string> FlagsOf(TimeSpan clickToOrder) =>
        clickToOrder < TimeSpan.Zero ? [OrderBeforeClickFlag]
        : clickToOrder < QuickOrder ? [QuickOrderFlag]
        : [];

    private static string? PromoFailure(PromoCandidate? promo) => promo switch
    {
        null => "unknown_promo_code",
        { Code.Active: false } or { Enrollment: null } or { Campaign: null } => "promo_code_inactive",
        { Enrollment.IsActive: false } => "promo_code_inactive",
        { Campaign.Earns: false } => "campaign_ended",
        _ => null,
    };

    private static string? ClickFailure(ClickCandidate? candidate, DateTimeOffset orderedAt)
    {
        if (candidate is null)
        {
            return "unknown_click";
        }

        var (click, enrollment, campaign) = candidate;
        var clickToOrder = orderedAt - click.ClickedAt;
        return true switch
        {
            _ when click.IsBot => "bot_click",
            _ when !click.IsAttributable || enrollment is not { IsActive: true } || campaign is null => "click_not_attributable",
            _ when !campaign.Earns => "campaign_ended",
            _ when clickToOrder < -ClockSkewTolerance => OrderBeforeClickFlag,
            _ when clickToOrder > TimeSpan.FromDays(campaign.AttributionWindowDays) => "outside_attribution_window",
            _ => null,
        };
    }
}
