using AmbassadorNet.Campaigns.Domain.Exclusivity;

namespace Campaigns.Tests;

/// <summary>The exclusivity check on its own: windows against the promotion period, and categories by source and the brand's pairs.</summary>
public sealed class ExclusivityCheckTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 10, 9, 0, 0, TimeSpan.Zero);

    // A dated campaign from 1 April to 30 June 2027 (noon to noon, UTC).
    private static readonly PromotionPeriod Spring = PromotionPeriod.Of(new(2027, 4, 1, 12, 0, 0, TimeSpan.Zero), new(2027, 6, 30, 12, 0, 0, TimeSpan.Zero), Now);

    private static readonly ExclusivityPolicy Pairs = Policy(("energy-drinks", "cola"), ("cola", "juice"));

    [Fact]
    public void A_declared_promise_in_the_same_category_overlapping_the_campaign_conflicts()
    {
        var promise = Declared("cola", new(2027, 6, 1), new(2027, 12, 31));

        var conflict = Assert.Single(ExclusivityCheck.Conflicts("cola", Spring, [promise], ExclusivityPolicy.Default));

        Assert.Equal(new ExclusivityConflict("cola", new(2027, 6, 1), new(2027, 12, 31), PromiseSource.Declared, promise.SourceId), conflict);
    }

    [Fact]
    public void A_window_ending_the_day_before_the_campaign_starts_does_not_overlap_and_one_ending_on_that_day_does()
    {
        var dayBefore = Declared("cola", new(2027, 1, 1), new(2027, 3, 31));
        var firstDay = Declared("cola", new(2027, 1, 1), new(2027, 4, 1));

        Assert.Empty(ExclusivityCheck.Conflicts("cola", Spring, [dayBefore], ExclusivityPolicy.Default));
        Assert.Single(ExclusivityCheck.Conflicts("cola", Spring, [firstDay], ExclusivityPolicy.Default));
    }

    [Fact]
    public void A_window_starting_the_day_after_the_campaign_ends_does_not_overlap_and_one_starting_on_its_last_day_does()
    {
        var dayAfter = Declared("cola", new(2027, 7, 1), new(2027, 9, 30));
        var lastDay = Declared("cola", new(2027, 6, 30), new(2027, 9, 30));

        Assert.Empty(ExclusivityCheck.Conflicts("cola", Spring, [dayAfter], ExclusivityPolicy.Default));
        Assert.Single(ExclusivityCheck.Conflicts("cola", Spring, [lastDay], ExclusivityPolicy.Default));
    }

    [Fact]
    public void A_campaign_ending_at_midnight_ran_through_the_day_before()
    {
        var period = PromotionPeriod.Of(new(2027, 4, 1, 0, 0, 0, TimeSpan.Zero), new(2027, 7, 1, 0, 0, 0, TimeSpan.Zero), Now);

        Assert.Equal(new PromotionPeriod(new(2027, 4, 1), new(2027, 6, 30)), period);
    }

    [Fact]
    public void An_always_on_campaign_runs_from_today_on_so_only_a_window_ended_before_today_is_clear()
    {
        var alwaysOn = PromotionPeriod.Of(null, null, Now);
        var ended = Declared("cola", new(2026, 1, 1), new(2027, 3, 9));
        var today = Declared("cola", new(2027, 3, 10), new(2027, 3, 10));
        var farOff = Declared("cola", new(2035, 1, 1), new(2035, 12, 31));

        Assert.Equal(new PromotionPeriod(new(2027, 3, 10), null), alwaysOn);
        Assert.Equal([today.SourceId, farOff.SourceId], ExclusivityCheck.Conflicts("cola", alwaysOn, [ended, today, farOff], ExclusivityPolicy.Default).Select(c => c.SourceId));
    }

    [Fact]
    public void A_campaign_that_started_before_today_is_promoted_from_today()
    {
        var started = PromotionPeriod.Of(new(2027, 1, 1, 12, 0, 0, TimeSpan.Zero), new(2027, 6, 30, 12, 0, 0, TimeSpan.Zero), Now);

        Assert.Equal(new PromotionPeriod(new(2027, 3, 10), new(2027, 6, 30)), started);
        Assert.Empty(ExclusivityCheck.Conflicts("cola", started, [Declared("cola", new(2027, 1, 1), new(2027, 3, 9))], ExclusivityPolicy.Default));
    }

    [Theory]
    [InlineData("energy-drinks", "cola")]
    [InlineData("cola", "energy-drinks")]
    public void A_declared_promise_in_a_listed_competing_category_conflicts_in_either_order(string promised, string campaign)
    {
        var conflict = Assert.Single(ExclusivityCheck.Conflicts(campaign, Spring, [Declared(promised, new(2027, 5, 1), new(2027, 5, 31))], Pairs));

        Assert.Equal(promised, conflict.Category);
    }

    [Fact]
    public void A_category_neither_the_same_nor_listed_does_not_conflict()
    {
        Assert.Empty(ExclusivityCheck.Conflicts("energy-drinks", Spring, [Declared("juice", new(2027, 5, 1), new(2027, 5, 31))], Pairs));
    }

    [Fact]
    public void A_promise_from_the_brands_own_agreement_in_the_same_category_does_not_conflict()
    {
        var own = Agreement("cola", new(2027, 1, 1), new(2027, 12, 31));

        Assert.Empty(ExclusivityCheck.Conflicts("cola", Spring, [own], Pairs));
    }

    [Theory]
    [InlineData("cola", "energy-drinks")]
    [InlineData("energy-drinks", "cola")]
    public void A_promise_from_the_brands_own_agreement_conflicts_with_a_listed_competing_category(string promised, string campaign)
    {
        var own = Agreement(promised, new(2027, 1, 1), new(2027, 12, 31));

        var conflict = Assert.Single(ExclusivityCheck.Conflicts(campaign, Spring, [own], Pairs));

        Assert.Equal((PromiseSource.Agreement, own.SourceId), (conflict.Source, conflict.SourceId));
    }

    [Fact]
    public void A_campaign_without_a_category_never_conflicts()
    {
        Assert.Empty(ExclusivityCheck.Conflicts(null, Spring, [Declared("cola", new(2027, 1, 1), new(2027, 12, 31))], Pairs));
    }

    [Fact]
    public void Conflicts_come_in_the_order_of_their_start_and_a_refusal_names_category_window_and_source()
    {
        var later = Declared("energy-drinks", new(2027, 5, 1), new(2027, 5, 31));
        var earlier = Declared("cola", new(2027, 4, 1), new(2027, 4, 30));

        var conflicts = ExclusivityCheck.Conflicts("cola", Spring, [later, earlier], Pairs);

        Assert.Equal(["cola", "energy-drinks"], conflicts.Select(c => c.Category));
        Assert.Equal($"cola from 2027-04-01 to 2027-04-30 (declared exclusivity {earlier.SourceId})", conflicts[0].Describe());
    }

    [Fact]
    public void A_pair_is_the_same_in_either_order_and_a_category_is_never_listed_against_itself()
    {
        Assert.Equal(CategoryPair.Of("cola", "energy-drinks"), CategoryPair.Of("energy-drinks", "cola"));
        Assert.True(Pairs.Lists("juice", "cola"));
        Assert.False(Pairs.Lists("cola", "cola"));
    }

    [Theory]
    [InlineData("energy-drinks", true)]
    [InlineData("a", true)]
    [InlineData("4k-tv", true)]
    [InlineData("Energy-Drinks", false)]
    [InlineData("energy drinks", false)]
    [InlineData("energy_drinks", false)]
    [InlineData("", false)]
    [InlineData("ü", false)]
    public void A_category_is_a_slug_of_lower_case_letters_digits_and_hyphens(string category, bool valid)
    {
        Assert.Equal(valid, ProductCategory.IsValid(category));
        Assert.False(ProductCategory.IsValid(new string('a', 51)));
        Assert.True(ProductCategory.IsValid(new string('a', 50)));
    }

    private static ExclusivityPromise Declared(string category, DateOnly startsOn, DateOnly endsOn) =>
        new(PromiseSource.Declared, category, startsOn, endsOn, Guid.CreateVersion7());

    private static ExclusivityPromise Agreement(string category, DateOnly startsOn, DateOnly endsOn) =>
        new(PromiseSource.Agreement, category, startsOn, endsOn, Guid.CreateVersion7());

    private static ExclusivityPolicy Policy(params (string A, string B)[] pairs) =>
        new() { OnConflict = ConflictAction.Flag, ConflictingCategories = [.. pairs.Select(p => CategoryPair.Of(p.A, p.B))], Version = 1 };
}
