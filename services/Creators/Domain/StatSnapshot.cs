namespace AmbassadorNet.Creators.Domain;

/// <summary>One measurement of an account, kept for the history of a creator's reach.</summary>
public sealed class StatSnapshot : AccountFigures
{
    public Guid AccountId { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
