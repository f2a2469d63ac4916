namespace AmbassadorNet.Campaigns.Domain.Experiments;

public enum ExperimentStatus
{
    Running,
    Ended,
}

/// <summary>How a post recorded into the experiment gets its variant.</summary>
public enum VariantAssignment
{
    /// <summary>The brand names the variant when it records the post.</summary>
    Brand,

    /// <summary>Drawn from the experiment's recorded seed and the post's id (<see cref="VariantDraw"/>), so anyone can redo the draw.</summary>
    Random,
}

/// <summary>
/// A campaign's test of content: two or more variants the brand names (a format, a platform, a
/// creative angle, a posting time), one of them the control the others are compared with, and the
/// significance level the brand judges the comparison at. Posts are assigned to a variant when
/// recorded. Running → Ended (by the brand, or when its campaign ends); an ended experiment takes no
/// more posts. The report is analytics' (docs/services/analytics.md, "Experiments").
/// </summary>
public sealed class Experiment : BrandOwnedEntity
{
    public const int MaxVariants = 10;

    public Guid CampaignId { get; set; }

    public string Name { get; set; } = "";

    public string? Hypothesis { get; set; }

    public List<ExperimentVariant> Variants { get; set; } = [];

    /// <summary>The key of the variant the others are compared with.</summary>
    public string ControlVariant { get; set; } = "";

    public VariantAssignment Assignment { get; set; }

    /// <summary>The seed of random assignment (null for the brand's own).</summary>
    public long? Seed { get; set; }

    /// <summary>α: a variant differs from the control when its (Holm-adjusted) p-value is below it.</summary>
    public decimal SignificanceLevel { get; set; }

    public ExperimentStatus Status { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Why it ended: ended (by the brand) or campaign_ended.</summary>
    public string? EndReason { get; set; }

    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The variant a post recorded now belongs to: the brand's choice, or the seeded draw.</summary>
    /// <exception cref="RequestValidationException">The brand must choose and did not, chose an unknown variant, or chose where the draw decides.</exception>
    public string VariantFor(Guid postId, string? chosen)
    {
        if (Status != ExperimentStatus.Running)
        {
            throw new ConflictException($"Experiment {Id} has ended; it takes no more posts.");
        }

        if (Assignment == VariantAssignment.Random)
        {
            return chosen is null
                ? VariantDraw.Pick(Seed!.Value, postId, Variants)
                : throw new RequestValidationException("variant", "This experiment assigns variants at random: leave variant out.");
        }

        return Variants.FirstOrDefault(v => string.Equals(v.Key, chosen, StringComparison.Ordinal))?.Key
            ?? throw new RequestValidationException("variant", $"One of this experiment's variants: {string.Join(", ", Variants.Select(v => v.Key))}.");
    }

    public void End(string reason, DateTimeOffset now)
    {
        if (Status == ExperimentStatus.Ended)
        {
            throw new ConflictException($"Experiment {Id} has already ended.");
        }

        (Status, EndedAt, EndReason, UpdatedAt) = (ExperimentStatus.Ended, now, reason, now);
        Version++;
    }
}

/// <summary>A variant of an experiment: a short key posts are assigned by, a name, what it is.</summary>
public sealed record ExperimentVariant(string Key, string Name, string? Description);

/// <summary>Why an experiment ended.</summary>
public static class ExperimentEnding
{
    public const string ByBrand = "ended";

    public const string CampaignEnded = "campaign_ended";
}
