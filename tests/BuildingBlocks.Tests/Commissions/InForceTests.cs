using AmbassadorNet.Commissions;

namespace BuildingBlocks.Tests.Commissions;

/// <summary>Which terms version and which override an order placed at a given time earns under, whatever order the versions are listed in.</summary>
public sealed class InForceTests
{
    private static readonly DateTimeOffset Launch = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MonthStart = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Plan Flat25 = new(PlanKind.Flat, null, 25m, []);

    [Theory]
    [InlineData(-1, 1)]            // an order stamped before the launch (the shop's clock behind ours): the launch terms
    [InlineData(0, 1)]             // the launch instant
    [InlineData(1, 1)]
    [InlineData(MonthStartMs - 1, 1)] // the last instant before version 2
    [InlineData(MonthStartMs, 2)]  // version 2 from its first instant
    [InlineData(MonthStartMs + 1, 2)]
    public void The_terms_in_force_are_the_latest_version_started_by_the_order_and_the_first_before_every_version(long msAfterLaunch, int expected)
    {
        var versions = new[] { new Terms(2, MonthStart), new Terms(1, Launch) };

        foreach (var listed in Orders(versions))
        {
            Assert.Equal(expected, InForce.Terms(listed, Launch.AddMilliseconds(msAfterLaunch))?.TermsVersion);
        }
    }

    [Fact]
    public void Of_two_versions_starting_at_the_same_instant_the_higher_applies_and_no_version_means_none()
    {
        var versions = new[] { new Terms(1, Launch), new Terms(3, MonthStart), new Terms(2, MonthStart) };

        Assert.All(Orders(versions), listed => Assert.Equal(3, InForce.Terms(listed, MonthStart)?.TermsVersion));
        Assert.Null(InForce.Terms(Array.Empty<Terms>(), MonthStart));
    }

    [Fact]
    public void An_override_applies_from_its_effective_time_and_not_before()
    {
        var from = Launch.AddDays(5);
        var versions = new[] { new Enrollment(2, Launch, null), new Enrollment(3, from, Flat25) };

        Assert.All(Orders(versions), listed =>
        {
            Assert.Null(InForce.Override(listed, from.AddTicks(-1)));
            Assert.Equal(Flat25, InForce.Override(listed, from));
        });
    }

    [Fact]
    public void Before_every_enrollment_version_and_after_an_override_is_cleared_the_campaign_plan_applies()
    {
        // Set from day 1 (version 3), cleared from day 4 (version 4), whatever order they arrived in.
        var (set, cleared) = (Launch.AddDays(1), Launch.AddDays(4));
        var versions = new[] { new Enrollment(4, cleared, null), new Enrollment(3, set, Flat25) };

        Assert.All(Orders(versions), listed =>
        {
            Assert.Null(InForce.Override(listed, set.AddTicks(-1)));
            Assert.Equal(Flat25, InForce.Override(listed, cleared.AddTicks(-1)));
            Assert.Null(InForce.Override(listed, cleared));
        });
    }

    [Fact]
    public void Of_two_enrollment_versions_starting_at_the_same_instant_the_higher_applies()
    {
        // A later event (say the enrollment ending) restates the override with the same effective time.
        var flat30 = Flat25 with { FlatAmount = 30m };
        var versions = new[] { new Enrollment(3, Launch, Flat25), new Enrollment(5, Launch, flat30), new Enrollment(4, Launch, Flat25) };

        Assert.All(Orders(versions), listed => Assert.Equal(flat30, InForce.Override(listed, Launch)));
    }

    private const long MonthStartMs = 1_868_400_000; // MonthStart − Launch in milliseconds: 21 days 15 hours

    /// <summary>Every order the versions can be listed in: the answer must not depend on it.</summary>
    private static IEnumerable<T[]> Orders<T>(T[] items) =>
        items.Length <= 1 ? [items] : items.SelectMany((item, i) => Orders(items.Where((_, j) => j != i).ToArray()).Select(rest => rest.Prepend(item).ToArray()));

    private sealed record Terms(int TermsVersion, DateTimeOffset EffectiveFrom) : ITermsVersion;

    private sealed record Enrollment(long Version, DateTimeOffset OverrideFrom, Plan? CommissionOverride) : IOverrideVersion;
}
