namespace AmbassadorNet.Campaigns.Domain.Disclosure;

/// <summary>A post's disclosure as checked when it was recorded; only <see cref="Missing"/> blocks approving its deliverable.</summary>
public enum DisclosureStatus
{
    /// <summary>Recorded before the check existed (migration 0007): never checked, never blocks.</summary>
    Unchecked,
    Disclosed,
    Missing,

    /// <summary>Missing, then accepted by a manager with a note.</summary>
    Overridden,
}
