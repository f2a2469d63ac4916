using AmbassadorNet.Campaigns.Domain.Disclosure;

namespace Campaigns.Tests;

/// <summary>The disclosure check on its own: markers as whole tokens in any case, per market, the label, the reasons in words.</summary>
public sealed class DisclosureCheckTests
{
    private static readonly DisclosureRule Default = DisclosurePolicy.Default.RuleFor(null);

    private static readonly DisclosureRule German = new([new("#ad"), new("Anzeige", ["DE", "AT"])], AcceptPaidPartnershipLabel: false);

    [Theory]
    [InlineData("Loving the box #ad", "#ad")]
    [InlineData("#AD loving the box", "#ad")]
    [InlineData("Loving the box (#Ad)", "#ad")]
    [InlineData("Loving the box #ad!", "#ad")]
    [InlineData("Loving the box\n#sponsored", "#sponsored")]
    [InlineData("#adventure time #ad", "#ad")]
    [InlineData("Loving it 🎁#ad🎁", "#ad")]
    public void A_marker_of_the_policy_in_the_caption_discloses_the_post_in_any_case(string caption, string marker) =>
        Assert.Equal(new DisclosureResult(DisclosureStatus.Disclosed, marker, false, $"The caption has the marker {marker}."), DisclosureCheck.Check(Default, "US", caption, false));

    [Theory]
    [InlineData("#adventure time")]
    [InlineData("So many #ads")]
    [InlineData("my#ad")]
    [InlineData("#ad_campaign")]
    [InlineData("#ad2")]
    [InlineData("#sponsoredpost")]
    [InlineData("")]
    [InlineData(null)]
    public void Text_that_only_contains_a_marker_inside_a_longer_word_does_not_disclose(string? caption) =>
        Assert.Equal(
            new DisclosureResult(DisclosureStatus.Missing, null, false, "The caption has none of #ad, #sponsored (accepted in US) and the paid-partnership label is off."),
            DisclosureCheck.Check(Default, "US", caption, false));

    [Theory]
    [InlineData("ANZEIGE: mein Lieblingsmüsli")]
    [InlineData("Mein Müsli (Anzeige)")]
    [InlineData("Mein Müsli #anzeige")]
    public void A_market_specific_marker_discloses_in_its_markets(string caption)
    {
        Assert.Equal((DisclosureStatus.Disclosed, "Anzeige"), Pick(DisclosureCheck.Check(German, "DE", caption, false)));
        Assert.Equal((DisclosureStatus.Disclosed, "Anzeige"), Pick(DisclosureCheck.Check(German, "AT", caption, false)));
    }

    [Fact]
    public void A_market_specific_marker_does_not_count_elsewhere_and_the_reason_names_only_the_markers_of_the_market()
    {
        Assert.Equal(
            new DisclosureResult(DisclosureStatus.Missing, null, false, "The caption has none of #ad (accepted in US) and the paid-partnership label is off."),
            DisclosureCheck.Check(German, "US", "Mein Müsli (Anzeige)", false));
        Assert.Equal(
            "The caption has none of #ad, Anzeige (accepted in DE) and the brand does not accept the paid-partnership label alone.",
            DisclosureCheck.Check(German, "DE", "Mein Müsli", true).Reason);
    }

    [Fact]
    public void The_paid_partnership_label_discloses_only_when_the_brand_accepts_it()
    {
        Assert.Equal(new DisclosureResult(DisclosureStatus.Disclosed, null, true, "The platform's paid-partnership label is on."), DisclosureCheck.Check(Default, "US", "Loving the box", true));
        Assert.Equal(DisclosureStatus.Missing, DisclosureCheck.Check(German, "DE", "Loving the box", true).Status);
        // A marker is named before the label when both are there.
        Assert.Equal((DisclosureStatus.Disclosed, "#ad"), Pick(DisclosureCheck.Check(Default, "US", "Box #ad", true)));
    }

    [Fact]
    public void The_campaigns_required_disclosure_counts_in_every_market_beside_the_policys_markers()
    {
        var rule = DisclosurePolicy.Default.RuleFor("  Werbung ");

        Assert.Equal((DisclosureStatus.Disclosed, "Werbung"), Pick(DisclosureCheck.Check(rule, "FR", "Ma box [werbung]", false)));
        Assert.Equal("The caption has none of #ad, #sponsored, Werbung (accepted in FR) and the paid-partnership label is off.", DisclosureCheck.Check(rule, "FR", "Ma box", false).Reason);
        // Named once when the campaign repeats a marker of the policy.
        Assert.Equal("The caption has none of #ad, #sponsored (accepted in US) and the paid-partnership label is off.",
            DisclosureCheck.Check(DisclosurePolicy.Default.RuleFor("#AD"), "US", "Box", false).Reason);
    }

    [Fact]
    public void A_market_with_no_marker_says_so()
    {
        var rule = new DisclosureRule([new("Anzeige", ["DE"])], AcceptPaidPartnershipLabel: false);

        Assert.Equal("The caption has no marker (none is accepted in US) and the paid-partnership label is off.", DisclosureCheck.Check(rule, "US", "Anzeige", false).Reason);
    }

    private static (DisclosureStatus, string?) Pick(DisclosureResult result) => (result.Status, result.Marker);
}
