using AmbassadorNet.Tracking.Domain;

namespace Tracking.Tests;

/// <summary>The attribution rules alone, without I/O: precedence, window and clock-skew edges, flags, reasons.</summary>
public sealed class AttributionRulesTests
{
    private static readonly DateTimeOffset ClickedAt = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Microsecond = TimeSpan.FromTicks(10);

    [Theory]
    [InlineData(0, "click", "click_to_order_under_5s")]
    [InlineData(4_999_999, "click", "click_to_order_under_5s")]
    [InlineData(5_000_000, "click", "")]
    [InlineData(-1, "click", "order_before_click")]
    [InlineData(-300_000_000, "click", "order_before_click")]
    [InlineData(-300_000_001, "order_before_click", "order_before_click")]
    public void Click_timing_sets_flags_and_the_clock_skew_edge(long microsecondsAfterClick, string outcome, string flag)
    {
        var decision = Attribution.Decide(ClickOnly(ClickedAt + Microsecond * microsecondsAfterClick, Click()));

        Assert.Equal(outcome, decision.Method ?? decision.Reason);
        Assert.Equal(flag, string.Join(",", decision.Flags));
    }

    [Fact]
    public void An_order_exactly_at_the_end_of_the_window_is_inside_and_one_microsecond_later_is_outside()
    {
        var campaign = Campaign(windowDays: 7);

        var onBoundary = Attribution.Decide(ClickOnly(ClickedAt.AddDays(7), Click(campaign: campaign)));
        var beyond = Attribution.Decide(ClickOnly(ClickedAt.AddDays(7) + Microsecond, Click(campaign: campaign)));

        Assert.Equal("click", onBoundary.Method);
        Assert.Equal((null, "outside_attribution_window"), (beyond.Method, beyond.Reason));
    }

    [Fact]
    public void A_valid_promo_code_wins_over_a_valid_click_and_keeps_the_click_time()
    {
        var promo = Promo();
        var click = Click();

        var decision = Attribution.Decide(new AttributionInput(ClickedAt.AddHours(1), true, promo, true, click));

        Assert.Equal(("promo_code", promo.Enrollment), (decision.Method, decision.Enrollment));
        Assert.Equal(ClickedAt, decision.ClickedAt);
    }

    [Fact]
    public void A_promo_code_of_a_paused_campaign_attributes()
    {
        var decision = Attribution.Decide(PromoOnly(Promo(campaign: Campaign("paused"))));

        Assert.Equal("promo_code", decision.Method);
    }

    public static TheoryData<string, string> PromoFailures => new()
    {
        { "inactive code", "promo_code_inactive" },
        { "ended enrollment", "promo_code_inactive" },
        { "ended campaign", "campaign_ended" },
        { "unknown", "unknown_promo_code" },
    };

    [Theory]
    [MemberData(nameof(PromoFailures))]
    public void A_promo_code_that_cannot_attribute_names_why(string situation, string reason)
    {
        var promo = situation switch
        {
            "inactive code" => Promo(codeActive: false),
            "ended enrollment" => Promo(enrollment: Enrollment("removed")),
            "ended campaign" => Promo(campaign: Campaign("ended")),
            _ => null,
        };

        var decision = Attribution.Decide(PromoOnly(promo));

        Assert.Equal((null, reason), (decision.Method, decision.Reason));
    }

    public static TheoryData<string, string> ClickFailures => new()
    {
        { "bot", "bot_click" },
        { "not attributable", "click_not_attributable" },
        { "ended enrollment", "click_not_attributable" },
        { "ended campaign", "campaign_ended" },
        { "unknown", "unknown_click" },
    };

    [Theory]
    [MemberData(nameof(ClickFailures))]
    public void A_click_that_cannot_attribute_names_why(string situation, string reason)
    {
        var click = situation switch
        {
            "bot" => Click(bot: true),
            "not attributable" => Click(attributable: false),
            "ended enrollment" => Click(enrollment: Enrollment("removed")),
            "ended campaign" => Click(campaign: Campaign("ended")),
            _ => null,
        };

        var decision = Attribution.Decide(ClickOnly(ClickedAt.AddHours(1), click));

        Assert.Equal((null, reason), (decision.Method, decision.Reason));
    }

    [Fact]
    public void When_neither_attributes_the_click_reason_is_given_and_without_either_the_reason_is_no_click_or_code()
    {
        var both = Attribution.Decide(new AttributionInput(ClickedAt.AddHours(1), true, null, true, Click(bot: true)));
        var none = Attribution.Decide(new AttributionInput(ClickedAt, false, null, false, null));

        Assert.Equal("bot_click", both.Reason);
        Assert.Equal("no_click_or_code", none.Reason);
    }

    private static AttributionInput ClickOnly(DateTimeOffset orderedAt, ClickCandidate? click) => new(orderedAt, false, null, true, click);

    private static AttributionInput PromoOnly(PromoCandidate? promo) => new(ClickedAt, true, promo, false, null);

    private static CampaignReplica Campaign(string status = "active", int windowDays = 30) =>
        new() { CampaignId = Guid.CreateVersion7(), Status = status, Currency = "USD", AttributionWindowDays = windowDays };

    private static EnrollmentReplica Enrollment(string status = "active") =>
        new() { EnrollmentId = Guid.CreateVersion7(), CreatorId = Guid.CreateVersion7(), Status = status };

    private static PromoCandidate Promo(bool codeActive = true, EnrollmentReplica? enrollment = null, CampaignReplica? campaign = null) =>
        new(new PromoCode { Code = "JANE", Active = codeActive }, enrollment ?? Enrollment(), campaign ?? Campaign());

    private static ClickCandidate Click(bool bot = false, bool attributable = true, EnrollmentReplica? enrollment = null, CampaignReplica? campaign = null) =>
        new(new Click { Id = Guid.CreateVersion7(), ClickedAt = ClickedAt, IsBot = bot, IsAttributable = attributable }, enrollment ?? Enrollment(), campaign ?? Campaign());
}
