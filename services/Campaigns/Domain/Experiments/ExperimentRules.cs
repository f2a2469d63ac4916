using System.Text.RegularExpressions;

namespace AmbassadorNet.Campaigns.Domain.Experiments;

/// <summary>What a declared experiment must be; every problem is reported at once.</summary>
public static partial class ExperimentRules
{
    public const int MaxKey = 40;

    /// <summary>α outside this range is a mistake rather than a policy: 0.1% is stricter than any brand needs, 20% calls noise a result.</summary>
    public const decimal MinSignificance = 0.001m;

    public const decimal MaxSignificance = 0.2m;

    public const decimal DefaultSignificance = 0.05m;

    public static void CheckVariants(IReadOnlyList<ExperimentVariant>? variants, string? control, FieldErrors errors)
    {
        errors.Check(variants is { Count: >= 2 and <= Experiment.MaxVariants }, "variants", $"From 2 to {Experiment.MaxVariants} variants, one of them the control.");
        foreach (var (variant, i) in (variants ?? []).Select((v, i) => (v, i)))
        {
            errors.Check(variant.Key is not null && Key().IsMatch(variant.Key), $"variants[{i}].key", $"Lower-case letters, digits, '-' and '_', at most {MaxKey} characters (\"reel\", \"morning-post\").");
            errors.Check(variant.Name is { Length: > 0 and <= 100 }, $"variants[{i}].name", "What the variant is called, at most 100 characters.");
            errors.Check(variant.Description is null or { Length: <= 500 }, $"variants[{i}].description", "At most 500 characters.");
        }

        var keys = (variants ?? []).Select(v => v.Key).ToList();
        errors.Check(keys.Distinct(StringComparer.Ordinal).Count() == keys.Count, "variants", "Each variant needs a key of its own.");
        errors.Check(control is not null && keys.Contains(control, StringComparer.Ordinal), "control", "The key of the variant the others are compared with.");
    }

    public static void CheckSignificance(decimal? level, FieldErrors errors) =>
        errors.Check(level is null or >= MinSignificance and <= MaxSignificance, "significanceLevel", $"α between {MinSignificance} and {MaxSignificance} (default {DefaultSignificance}).");

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,39}$")]
    private static partial Regex Key();
}
