using System.Text.RegularExpressions;

namespace AmbassadorNet.Campaigns.Domain.Exclusivity;

/// <summary>
/// A product category is a slug the brand chooses ("energy-drinks", "cola"): lower-case letters,
/// digits and hyphens, 1 to 50 characters. Slugs, not free text, so "Cola" and "cola " are one category.
/// </summary>
public static partial class ProductCategory
{
    public const int MaxLength = 50;

    public const string Rule = "A slug of 1 to 50 lower-case letters, digits and hyphens, such as \"energy-drinks\".";

    public static bool IsValid(string? category) => category is not null && Slug().IsMatch(category);

    [GeneratedRegex("^[a-z0-9-]{1,50}$")]
    private static partial Regex Slug();
}
