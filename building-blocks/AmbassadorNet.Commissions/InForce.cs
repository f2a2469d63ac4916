namespace AmbassadorNet.Commissions;

/// <summary>
/// What an order placed at a given time earns under: the campaign's terms version and the
/// enrollment's override in force then. Every version is kept, so the answer does not depend on the
/// order the versions arrived in. One principle for both: the latest version started by then (of two
/// that start at the same instant, the higher version); before every version, what those versions
/// change. For an override that is the campaign's plan. For terms nothing comes before version 1.
/// </summary>
public static class InForce
{
    /// <summary>
    /// The terms version in force at <paramref name="at"/>; before the first version, the first.
    /// Nothing is attributed to a campaign before its launch (tracking needs the launched campaign to
    /// issue links and codes), so an order stamped earlier than version 1 means the shop's clock ran
    /// behind ours, and version 1 is the only terms it can have been sold under. Answering "none"
    /// would leave such a conversion waiting forever for terms that never come. Null only when no
    /// version is known.
    /// </summary>
    public static T? Terms<T>(IReadOnlyCollection<T> versions, DateTimeOffset at) where T : class, ITermsVersion =>
        Latest(versions, at, v => v.EffectiveFrom, v => v.TermsVersion) ?? versions.MinBy(v => v.TermsVersion);

    /// <summary>
    /// The override in force at <paramref name="at"/>, or null when the campaign's plan applies: no
    /// version had started by then (an override set for later does not reach back), or the version in
    /// force has none (it was never set, or was cleared from that time).
    /// </summary>
    public static Plan? Override<T>(IReadOnlyCollection<T> versions, DateTimeOffset at) where T : class, IOverrideVersion =>
        Latest(versions, at, v => v.OverrideFrom, v => v.Version)?.CommissionOverride;

    private static T? Latest<T>(IEnumerable<T> versions, DateTimeOffset at, Func<T, DateTimeOffset> from, Func<T, long> number) where T : class =>
        versions.Where(v => from(v) <= at).OrderByDescending(from).ThenByDescending(number).FirstOrDefault();
}
