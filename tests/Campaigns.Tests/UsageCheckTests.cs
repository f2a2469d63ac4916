using AmbassadorNet.Campaigns.Domain.Agreements;
using AmbassadorNet.Campaigns.Domain.UsageRights;

namespace Campaigns.Tests;

/// <summary>The usage check, the effective-rights rule and the list status on their own: every reason in words, no I/O.</summary>
public sealed class UsageCheckTests
{
    private static readonly DateTimeOffset Accepted = new(2026, 12, 6, 15, 30, 0, TimeSpan.Zero);

    private static readonly AcceptedAgreementVersion Version1 = new(Guid.CreateVersion7(), Guid.CreateVersion7(), 1, Accepted);

    private static UsageGrant Grant(string uses, string territories, string startsOn, string? endsOn, bool mayEdit = false, int position = 0) => new()
    {
        Uses = [.. uses.Split(',')], Territories = [.. territories.Split(',')], StartsOn = DateOnly.Parse(startsOn), EndsOn = endsOn is null ? null : DateOnly.Parse(endsOn),
        MayEdit = mayEdit, Position = position,
    };

    private static EffectiveUsageRights FromAgreement(params UsageGrant[] grants) => EffectiveUsageRights.Of([], null, Version1, grants);

    private static UsageCheckResult Check(EffectiveUsageRights rights, string use, string territory, string on) => UsageCheck.Check(rights, use, territory, DateOnly.Parse(on));

    [Fact]
    public void A_grant_covering_use_territory_and_day_allows_and_names_the_accepted_version()
    {
        var grant = Grant("paid_ads,organic_repost", "DE,AT", "2027-01-01", "2027-06-30");

        var answer = Check(FromAgreement(grant), "paid_ads", "DE", "2027-01-10");

        Assert.Equal(new UsageCheckResult(true, "Allowed by agreement version 1 (accepted 2026-12-06): paid_ads in DE from 2027-01-01 to 2027-06-30; editing not allowed.", grant), answer);
    }

    [Fact]
    public void The_posts_own_grant_allows_worldwide_with_no_end_and_says_when_it_was_set()
    {
        var own = Grant("website", "*", "2027-01-01", null, mayEdit: true);
        var rights = EffectiveUsageRights.Of([own], new PostUsageRights { SetAt = Accepted.AddDays(1) }, Version1, [Grant("paid_ads", "DE", "2027-01-01", null)]);

        var answer = Check(rights, "website", "BR", "2040-01-01");

        Assert.Equal(UsageRightsSource.Post, rights.Source);
        Assert.Equal("Allowed by the post's own usage rights (set 2026-12-07): website in BR from 2027-01-01 with no end date; editing allowed.", answer.Reason);
        Assert.True(answer.Allowed);
    }

    [Fact]
    public void Own_grants_replace_the_inherited_ones_rather_than_adding_to_them()
    {
        var rights = EffectiveUsageRights.Of([Grant("organic_repost", "*", "2027-01-01", null)], null, Version1, [Grant("paid_ads", "*", "2027-01-01", null)]);

        Assert.Equal("paid_ads is not granted (granted: organic_repost).", Check(rights, "paid_ads", "DE", "2027-02-01").Reason);
        Assert.Equal((UsageRightsSource.Post, (int?)null), (rights.Source, rights.AgreementVersion));
    }

    [Fact]
    public void No_grants_and_no_accepted_agreement_is_no_rights()
    {
        var answer = Check(EffectiveUsageRights.Of([], null, null, []), "paid_ads", "DE", "2027-01-10");

        Assert.Equal(new UsageCheckResult(false, "No usage rights: the post has no grants of its own and its enrollment has no accepted agreement.", null), answer);
    }

    [Fact]
    public void An_accepted_agreement_without_grants_is_named_in_the_refusal()
    {
        var answer = Check(FromAgreement(), "paid_ads", "DE", "2027-01-10");

        Assert.Equal("No usage rights: the post has no grants of its own and agreement version 1 (accepted 2026-12-06) grants none.", answer.Reason);
        Assert.Null(FromAgreement().Source);
    }

    [Fact]
    public void A_use_no_grant_names_is_refused_listing_the_uses_granted_in_the_canonical_order()
    {
        var answer = Check(FromAgreement(Grant("website", "US", "2027-01-01", null), Grant("organic_repost,website", "CA", "2027-01-01", null)), "paid_ads", "DE", "2027-01-10");

        Assert.Equal(new UsageCheckResult(false, "paid_ads is not granted (granted: organic_repost, website).", null), answer);
    }

    [Fact]
    public void A_territory_outside_the_grants_of_that_use_is_refused_listing_their_territories()
    {
        var answer = Check(FromAgreement(Grant("paid_ads", "US,CA", "2027-01-01", null), Grant("website", "DE", "2027-01-01", null)), "paid_ads", "DE", "2027-01-10");

        Assert.Equal(new UsageCheckResult(false, "DE is outside the granted territories (US, CA).", null), answer);
    }

    [Fact]
    public void A_day_after_the_end_or_before_the_start_is_refused_with_that_date()
    {
        var grant = Grant("paid_ads", "DE", "2027-01-01", "2027-06-30");

        Assert.Equal(new UsageCheckResult(false, "The rights ended on 2027-06-30.", grant), Check(FromAgreement(grant), "paid_ads", "DE", "2027-07-01"));
        Assert.Equal(new UsageCheckResult(false, "The rights start on 2027-01-01.", grant), Check(FromAgreement(grant), "paid_ads", "DE", "2026-12-31"));
    }

    [Fact]
    public void The_first_and_last_days_are_inside_the_rights()
    {
        var rights = FromAgreement(Grant("paid_ads", "DE", "2027-01-01", "2027-06-30"));

        Assert.True(Check(rights, "paid_ads", "DE", "2027-01-01").Allowed);
        Assert.True(Check(rights, "paid_ads", "DE", "2027-06-30").Allowed);
    }

    [Fact]
    public void Any_grant_that_allows_wins_and_a_refusal_names_the_grant_that_came_closest()
    {
        var wrongTerritory = Grant("paid_ads", "US", "2027-01-01", null, position: 0);
        var ended = Grant("paid_ads", "DE", "2026-01-01", "2026-12-31", position: 1);
        var later = Grant("paid_ads", "DE", "2027-03-01", "2027-12-31", position: 2);
        var open = Grant("paid_ads", "*", "2028-01-01", null, position: 3);
        var rights = FromAgreement(wrongTerritory, ended, later, open);

        // The use matches everywhere and DE is covered, so the refusal is by date: 2027-01-20 is 20 days after one end, 40 before one start.
        Assert.Equal("The rights ended on 2026-12-31.", Check(rights, "paid_ads", "DE", "2027-01-20").Reason);
        Assert.Equal("The rights start on 2027-03-01.", Check(rights, "paid_ads", "DE", "2027-02-10").Reason);
        Assert.True(Check(rights, "paid_ads", "FR", "2029-05-05").Allowed);
        Assert.Equal(open, Check(rights, "paid_ads", "FR", "2029-05-05").Grant);
    }

    [Fact]
    public void Equally_near_an_end_and_a_start_the_refusal_names_the_start()
    {
        var rights = FromAgreement(Grant("paid_ads", "DE", "2027-01-01", "2027-01-10"), Grant("paid_ads", "DE", "2027-01-20", null));

        Assert.Equal("The rights start on 2027-01-20.", Check(rights, "paid_ads", "DE", "2027-01-15").Reason);
    }

    [Theory]
    [InlineData("2027-01-10", "Active", "2027-06-30")]
    [InlineData("2027-05-31", "Expiring", "2027-06-30")]
    [InlineData("2027-06-30", "Expiring", "2027-06-30")]
    [InlineData("2027-07-01", "Expired", "2027-06-30")]
    [InlineData("2026-12-31", "NotStarted", null)]
    public void The_list_status_is_expiring_within_the_first_threshold_of_the_nearest_end_in_force(string today, string status, string? endsOn)
    {
        var summary = UsageRightsSummary.Of(FromAgreement(Grant("paid_ads", "DE", "2027-01-01", "2027-06-30")), DateOnly.Parse(today), 30);

        Assert.Equal(new UsageRightsSummary(Enum.Parse<UsageRightsStatus>(status), endsOn is null ? null : DateOnly.Parse(endsOn), UsageRightsSource.Agreement), summary);
    }

    [Fact]
    public void The_status_of_several_grants_is_the_nearest_end_in_force_and_none_without_grants()
    {
        var rights = FromAgreement(Grant("paid_ads", "DE", "2027-01-01", "2027-01-20"), Grant("website", "*", "2027-01-01", null), Grant("print", "DE", "2026-01-01", "2026-02-01"));

        Assert.Equal(new UsageRightsSummary(UsageRightsStatus.Expiring, new DateOnly(2027, 1, 20), UsageRightsSource.Agreement), UsageRightsSummary.Of(rights, new DateOnly(2027, 1, 5), 30));
        Assert.Equal(new UsageRightsSummary(UsageRightsStatus.Active, null, UsageRightsSource.Agreement), UsageRightsSummary.Of(rights, new DateOnly(2027, 2, 5), 30));
        Assert.Equal(new UsageRightsSummary(UsageRightsStatus.None, null, null), UsageRightsSummary.Of(FromAgreement(), new DateOnly(2027, 2, 5), 30));
    }

    [Fact]
    public void The_agreement_document_states_each_grant_and_its_hash_changes_with_them()
    {
        var agreement = new Agreement { AgreementVersion = 1, EnrollmentId = Guid.CreateVersion7(), AcceptBy = Accepted };
        var without = AgreementDocument.Compose("Terms.", agreement, "Spring");
        agreement.UsageRights = [Grant("paid_ads,organic_repost", "DE,AT", "2027-01-01", "2027-06-30"), Grant("website", "*", "2027-01-01", null, mayEdit: true, position: 1)];
        var with = AgreementDocument.Compose("Terms.", agreement, "Spring");

        Assert.Contains(
            "Usage rights: paid_ads, organic_repost in DE, AT from 2027-01-01 to 2027-06-30; the brand may not edit.\n" +
            "Usage rights: website worldwide from 2027-01-01 with no end date; the brand may edit.\nTo be accepted by", with, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage rights", without, StringComparison.Ordinal);
        Assert.NotEqual(AgreementDocument.Sha256(without), AgreementDocument.Sha256(with));
    }
}
