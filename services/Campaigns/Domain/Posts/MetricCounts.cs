using System.Text.Json.Serialization;

namespace AmbassadorNet.Campaigns.Domain.Posts;

/// <summary>
/// A post's lifetime counts as a platform reports them; null is "not reported" (not every platform
/// reports saves or reach). Reach counts unique accounts, so it is never added across posts or days.
/// </summary>
public sealed record MetricCounts(long? Views, long? Reach, long? Likes, long? Comments, long? Shares, long? Saves)
{
    [JsonIgnore]
    public bool IsEmpty => Views is null && Reach is null && Likes is null && Comments is null && Shares is null && Saves is null;

    /// <summary>Likes + comments + shares + saves, of those reported; null when none is.</summary>
    [JsonIgnore]
    public long? Interactions => Likes is null && Comments is null && Shares is null && Saves is null
        ? null
        : (Likes ?? 0) + (Comments ?? 0) + (Shares ?? 0) + (Saves ?? 0);

    /// <summary>What a day added to the lifetime counts since the previous snapshot (reach: null, unique counts do not subtract).</summary>
    public MetricCounts Since(MetricCounts? previous) => new(
        Minus(Views, previous?.Views), null, Minus(Likes, previous?.Likes), Minus(Comments, previous?.Comments),
        Minus(Shares, previous?.Shares), Minus(Saves, previous?.Saves));

    private static long? Minus(long? now, long? before) => now is { } n ? n - (before ?? 0) : null;
}

/// <summary>
/// A post's engagement rate: (likes + comments + shares + saves) ÷ views when the platform reports
/// views, else ÷ the creator's followers on the platform when the post was recorded; null when
/// neither is known. Rounded to 6 decimals. <see cref="Basis"/> says which divisor was used.
/// </summary>
public sealed record Engagement(decimal? Rate, string? Basis)
{
    public const string ByViews = "views";
    public const string ByFollowers = "followers";

    public static Engagement Of(MetricCounts? counts, long? followers) => counts?.Interactions switch
    {
        null => new(null, null),
        var interactions when counts.Views is > 0 => new(Math.Round((decimal)interactions / counts.Views.Value, 6), ByViews),
        var interactions when followers is > 0 => new(Math.Round((decimal)interactions / followers.Value, 6), ByFollowers),
        _ => new(null, null),
    };
}
