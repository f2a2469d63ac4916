namespace AmbassadorNet.Campaigns.Domain.Exclusivity;

/// <summary>Where a creator's exclusivity promise comes from; the check treats the two differently (<see cref="ExclusivityCheck"/>).</summary>
public enum PromiseSource
{
    /// <summary>Declared by the creator (or for them): a promise to someone else, another brand.</summary>
    Declared,

    /// <summary>Named in an agreement the creator has with this very brand.</summary>
    Agreement,
}

/// <summary>
/// A promise not to promote products of <paramref name="Category"/> from <paramref name="StartsOn"/>
/// to <paramref name="EndsOn"/> (UTC days, both included). <paramref name="SourceId"/> is the declared
/// exclusivity's or the agreement's id.
/// </summary>
public sealed record ExclusivityPromise(PromiseSource Source, string Category, DateOnly StartsOn, DateOnly EndsOn, Guid SourceId);

/// <summary>A promise that an invitation conflicts with, as stored on the enrollment and shown to the brand.</summary>
public sealed record ExclusivityConflict(string Category, DateOnly StartsOn, DateOnly EndsOn, PromiseSource Source, Guid SourceId)
{
    public static ExclusivityConflict From(ExclusivityPromise p) => new(p.Category, p.StartsOn, p.EndsOn, p.Source, p.SourceId);

    /// <summary>"energy-drinks from 2027-01-01 to 2027-06-30 (declared exclusivity 0197…)": how a refusal names it.</summary>
    public string Describe() =>
        $"{Category} from {StartsOn:yyyy-MM-dd} to {EndsOn:yyyy-MM-dd} ({(Source == PromiseSource.Declared ? "declared exclusivity" : "agreement")} {SourceId})";
}
