using System.Text.RegularExpressions;
using AmbassadorNet.Campaigns.Domain.UsageRights;

namespace AmbassadorNet.Campaigns.Api.UsageRights;

/// <summary>What grants must be, field by field under <c>field</c> (usageRights[0].uses, grants[1].endsOn, …); every problem is reported at once.</summary>
internal static partial class UsageGrantValidation
{
    /// <returns>The grants in the order given (no holder or id yet); meaningful only when no error was added.</returns>
    public static List<UsageGrant> Check(IReadOnlyList<UsageGrantRequest?>? grants, string field, FieldErrors errors)
    {
        var result = new List<UsageGrant>();
        errors.Check(grants is null || grants.Count <= UsageGrant.MaxPerHolder, field, $"At most {UsageGrant.MaxPerHolder} grants.");
        foreach (var (grant, i) in (grants ?? []).Take(UsageGrant.MaxPerHolder).Select((g, i) => (g, i)))
        {
            var at = $"{field}[{i}]";
            var uses = grant?.Uses ?? [];
            errors.Check(uses.Count > 0 && uses.All(UsageRightsUses.IsKnown) && uses.Distinct().Count() == uses.Count, $"{at}.uses",
                $"One or more of: {UsageRightsUses.Names}; each once.");
            var territories = grant?.Territories ?? [];
            errors.Check(territories is [UsageGrant.Worldwide] || (territories.Count > 0 && territories.All(t => t is not null && CountryCode().IsMatch(t)) && territories.Distinct().Count() == territories.Count),
                $"{at}.territories", "[\"*\"] for worldwide, or ISO 3166-1 alpha-2 upper-case codes such as [\"DE\", \"AT\"], each once.");
            errors.Check(grant?.StartsOn is not null, $"{at}.startsOn", "The first day the rights hold (yyyy-MM-dd, UTC).");
            errors.Check(grant?.EndsOn is null || grant.StartsOn is null || grant.EndsOn >= grant.StartsOn, $"{at}.endsOn", "The last day the rights hold, on or after startsOn; null for no end.");
            errors.Check(grant?.MayEdit is not null, $"{at}.mayEdit", "true or false: whether the brand may edit the content.");
            result.Add(new UsageGrant
            {
                Position = i, Uses = [.. uses.OfType<string>()], Territories = [.. territories.OfType<string>()], StartsOn = grant?.StartsOn ?? default, EndsOn = grant?.EndsOn,
                MayEdit = grant?.MayEdit ?? false,
            });
        }

        return result;
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    public static partial Regex CountryCode();
}
