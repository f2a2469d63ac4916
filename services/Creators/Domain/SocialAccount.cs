namespace AmbassadorNet.Creators.Domain;

/// <summary>A creator's account on one platform with the figures of its latest snapshot.</summary>
public sealed class SocialAccount : AccountFigures
{
    public Platform Platform { get; set; }

    [PersonalData]
    public string Handle { get; set; } = "";

    /// <summary>Lower-cased handle without a leading "@": what uniqueness per platform and brand is judged on.</summary>
    [PersonalData]
    public string HandleNormalized { get; set; } = "";

    [PersonalData]
    public string? Url { get; set; }

    public static string Normalize(string handle) => handle.Trim().TrimStart('@').ToLowerInvariant();
}
