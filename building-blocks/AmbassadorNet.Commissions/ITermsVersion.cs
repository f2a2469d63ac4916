namespace AmbassadorNet.Commissions;

/// <summary>One version of a campaign's terms: it applies to orders placed at or after <see cref="EffectiveFrom"/>.</summary>
public interface ITermsVersion
{
    /// <summary>1 at launch, then one more per change of terms.</summary>
    int TermsVersion { get; }

    DateTimeOffset EffectiveFrom { get; }
}
