namespace AmbassadorNet.Creators.Api;

/// <summary>A creator applying to the brand's program, optionally with the accounts they bring.</summary>
public sealed record ApplyRequest(string? DisplayName, string? Email, string? Country, IReadOnlyList<string>? Niches, IReadOnlyList<SocialStatsRequest>? SocialAccounts);

/// <summary>Only the fields present change.</summary>
public sealed record UpdateCreatorRequest(string? DisplayName, string? Email, string? Country, IReadOnlyList<string>? Niches);

/// <summary>A measurement of one account; <c>measuredAt</c> defaults to now.</summary>
public sealed record SocialStatsRequest(
    string? Platform, string? Handle, string? Url, long? Followers, long? AverageLikes, long? AverageComments, long? AverageViews, DateTimeOffset? MeasuredAt);

public sealed record PayoutProfileRequest(string? Method, string? Currency, string? PayeeReference, string? TaxFormStatus);

/// <summary>An optional reason for a rejection or suspension, kept in the event.</summary>
public sealed record ReasonRequest(string? Reason);
