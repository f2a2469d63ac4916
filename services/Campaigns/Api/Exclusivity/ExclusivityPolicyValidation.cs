using AmbassadorNet.Campaigns.Domain.Exclusivity;

namespace AmbassadorNet.Campaigns.Api.Exclusivity;

/// <summary>What an exclusivity policy must be, field by field; every problem is reported at once.</summary>
internal static class ExclusivityPolicyValidation
{
    public static (ConflictAction OnConflict, IReadOnlyList<CategoryPair> Pairs) Check(ExclusivityPolicyRequest request)
    {
        var errors = new FieldErrors();
        var onConflict = request.OnConflict is null ? null : DraftMerge.Parse<ConflictAction>(request.OnConflict, errors, "onConflict");
        errors.Check(request.OnConflict is not null, "onConflict", "\"refuse\" or \"flag\": what inviting a creator whose exclusivity conflicts does.");
        errors.Check(request.ConflictingCategories is { Count: <= ExclusivityPolicy.MaxPairs }, "conflictingCategories",
            $"Up to {ExclusivityPolicy.MaxPairs} pairs of competing categories such as [[\"energy-drinks\", \"cola\"]]; [] for none.");
        var pairs = new List<CategoryPair>();
        foreach (var (pair, i) in (request.ConflictingCategories ?? []).Select((p, i) => (p, i)))
        {
            var field = $"conflictingCategories[{i}]";
            if (pair is not [var a, var b] || !ProductCategory.IsValid(a) || !ProductCategory.IsValid(b))
            {
                errors.Add(field, $"Two categories, each {char.ToLowerInvariant(ProductCategory.Rule[0])}{ProductCategory.Rule[1..]}");
                continue;
            }

            var candidate = CategoryPair.Of(a!, b!);
            var first = pairs.IndexOf(candidate);
            errors.Check(a != b, field, "A category does not compete with itself: the same category always conflicts with a creator's declared exclusivity.");
            errors.Check(a == b || first < 0, field, $"The same pair as conflictingCategories[{first}]: a pair means both orders.");
            pairs.Add(candidate);
        }

        errors.ThrowIfAny();
        return (onConflict!.Value, pairs);
    }
}
