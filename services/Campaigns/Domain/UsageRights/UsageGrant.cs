using System.Globalization;

namespace AmbassadorNet.Campaigns.Domain.UsageRights;

/// <summary>
/// One grant of usage rights: the uses, the territories (ISO 3166-1 alpha-2, or "*" alone for
/// worldwide), the UTC days from <see cref="StartsOn"/> to <see cref="EndsOn"/> inclusive (no end when
/// null) and whether the brand may edit the content. Held by an agreement version (inherited by the
/// enrollment's posts once accepted) or by a post itself; never changed: a post's grants are replaced whole.
/// </summary>
public sealed class UsageGrant : BrandOwnedEntity
{
    public const string Worldwide = "*";

    public const int MaxPerHolder = 10;

    /// <summary>The agreement version that holds the grant, or null for a post's own.</summary>
    public Guid? AgreementId { get; set; }

    /// <summary>The post that holds the grant as its own, or null for an agreement's.</summary>
    public Guid? PostId { get; set; }

    /// <summary>The grant's place in the list it was given in.</summary>
    public int Position { get; set; }

    /// <summary>Names of <see cref="UsageRightsUses.All"/>, in the order given.</summary>
    public List<string> Uses { get; set; } = [];

    public List<string> Territories { get; set; } = [];

    public DateOnly StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public bool MayEdit { get; set; }

    public bool IsWorldwide => Territories is [Worldwide];

    public bool Covers(string territory) => IsWorldwide || Territories.Contains(territory, StringComparer.Ordinal);

    public bool InForceOn(DateOnly day) => StartsOn <= day && (EndsOn is null || day <= EndsOn);

    /// <summary>"from 2027-01-01 to 2027-06-30", or "from 2027-01-01 with no end date".</summary>
    public string Period => EndsOn is { } end
        ? string.Create(CultureInfo.InvariantCulture, $"from {StartsOn:yyyy-MM-dd} to {end:yyyy-MM-dd}")
        : string.Create(CultureInfo.InvariantCulture, $"from {StartsOn:yyyy-MM-dd} with no end date");

    /// <summary>The grant in words, as the agreement's appendix states it: "paid_ads, organic_repost in DE, AT from 2027-01-01 to 2027-06-30; the brand may not edit."</summary>
    public string Describe() =>
        $"{string.Join(", ", Uses)} {(IsWorldwide ? "worldwide" : "in " + string.Join(", ", Territories))} {Period}; the brand {(MayEdit ? "may" : "may not")} edit.";

    /// <summary>Gives new grants their ids and their holder (an agreement version or a post).</summary>
    public static List<UsageGrant> Hold(List<UsageGrant> grants, Guid brandId, Guid? agreementId, Guid? postId, TimeProvider clock)
    {
        foreach (var grant in grants)
        {
            (grant.Id, grant.BrandId, grant.AgreementId, grant.PostId) = (Ids.New(clock), brandId, agreementId, postId);
        }

        return grants;
    }
}
