namespace AmbassadorNet.Campaigns.Domain.UsageRights;

/// <summary>A post's usage rights on a day, as lists show and filter them.</summary>
public enum UsageRightsStatus
{
    /// <summary>No grants hold for the post.</summary>
    None,

    /// <summary>A grant is in force and none in force ends within the brand's first (largest) notice threshold.</summary>
    Active,

    /// <summary>A grant in force ends within the brand's first (largest) notice threshold.</summary>
    Expiring,

    /// <summary>Every grant has ended.</summary>
    Expired,

    /// <summary>No grant is in force yet; one starts later.</summary>
    NotStarted,
}
