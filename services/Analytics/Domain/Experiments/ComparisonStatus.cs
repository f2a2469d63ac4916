namespace AmbassadorNet.Analytics.Domain.Experiments;

/// <summary>What a report can say about a variant against the control.</summary>
public enum ComparisonStatus
{
    /// <summary>The variant or the control is below <see cref="ExperimentSample"/>'s minimum: no test, no p-value.</summary>
    NotEnoughData,

    /// <summary>Tested; the Holm-adjusted p-value is at or above α.</summary>
    NotSignificant,

    /// <summary>Tested; the Holm-adjusted p-value is below α.</summary>
    Significant,
}
