namespace AmbassadorNet.Messaging.Inbox;

/// <summary>The outcome of a handler: applied, or parked until a named prerequisite arrives.</summary>
public sealed record HandleResult
{
    private HandleResult(string? prerequisite, string? reason)
    {
        Prerequisite = prerequisite;
        Reason = reason;
    }

    public static HandleResult Done { get; } = new(null, null);

    public string? Prerequisite { get; }

    public string? Reason { get; }

    public bool IsParked => Prerequisite is not null;

    /// <param name="prerequisite">A key such as "campaign:{id}" that the prerequisite's handler releases.</param>
    public static HandleResult Park(string prerequisite, string reason) => new(prerequisite, reason);
}
