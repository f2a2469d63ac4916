namespace AmbassadorNet.Persistence.MigrationRunner;

/// <summary>What one run did: how many scripts were already there and which it applied now.</summary>
public sealed record MigrationReport(int AlreadyApplied, IReadOnlyList<string> AppliedNow);
