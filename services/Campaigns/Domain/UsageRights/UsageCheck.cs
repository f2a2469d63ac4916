using System.Globalization;

namespace AmbassadorNet.Campaigns.Domain.UsageRights;

/// <summary>
/// "May the brand use this post for <c>use</c> in <c>territory</c> on <c>day</c>?", with the reason in
/// words. Allowed when any grant covers all three. Otherwise the reason is that of the grant that came
/// closest: a grant of the use before any other, then one that also covers the territory, then the one
/// whose days are nearest to <c>day</c> (a tie goes to the one still to start). No I/O.
/// </summary>
public static class UsageCheck
{
    public static UsageCheckResult Check(EffectiveUsageRights rights, string use, string territory, DateOnly day)
    {
        if (rights.Grants.Count == 0)
        {
            return new(false, rights.AgreementVersion is { } version
                ? $"No usage rights: the post has no grants of its own and agreement version {version} (accepted {Day(rights.AcceptedAt)}) grants none."
                : "No usage rights: the post has no grants of its own and its enrollment has no accepted agreement.", null);
        }

        var ofUse = rights.Grants.Where(g => g.Uses.Contains(use, StringComparer.Ordinal)).ToList();
        if (ofUse.Count == 0)
        {
            var granted = UsageRightsUses.All.Where(u => rights.Grants.Any(g => g.Uses.Contains(u, StringComparer.Ordinal)));
            return new(false, $"{use} is not granted (granted: {string.Join(", ", granted)}).", null);
        }

        var inTerritory = ofUse.Where(g => g.Covers(territory)).ToList();
        if (inTerritory.Count == 0)
        {
            return new(false, $"{territory} is outside the granted territories ({string.Join(", ", ofUse.SelectMany(g => g.Territories).Distinct(StringComparer.Ordinal))}).", null);
        }

        if (inTerritory.FirstOrDefault(g => g.InForceOn(day)) is { } allowing)
        {
            var editing = allowing.MayEdit ? "editing allowed" : "editing not allowed";
            return new(true, $"Allowed by {Holder(rights)}: {use} in {territory} {allowing.Period}; {editing}.", allowing);
        }

        var closest = inTerritory.MinBy(g => g.StartsOn > day ? (g.StartsOn.DayNumber - day.DayNumber) * 2 : (day.DayNumber - g.EndsOn!.Value.DayNumber) * 2 + 1)!;
        return closest.StartsOn > day
            ? new(false, string.Create(CultureInfo.InvariantCulture, $"The rights start on {closest.StartsOn:yyyy-MM-dd}."), closest)
            : new(false, string.Create(CultureInfo.InvariantCulture, $"The rights ended on {closest.EndsOn:yyyy-MM-dd}."), closest);
    }

    private static string Holder(EffectiveUsageRights rights) => rights.Source == UsageRightsSource.Post
        ? $"the post's own usage rights (set {Day(rights.SetAt)})"
        : $"agreement version {rights.AgreementVersion} (accepted {Day(rights.AcceptedAt)})";

    private static string Day(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}

/// <summary>The check's answer; <see cref="Grant"/> is the grant that allows, or for a refusal by date the one that came closest.</summary>
public sealed record UsageCheckResult(bool Allowed, string Reason, UsageGrant? Grant);
