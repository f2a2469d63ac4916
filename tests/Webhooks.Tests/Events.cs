using AmbassadorNet.Contracts.Creators;

namespace Webhooks.Tests;

/// <summary>Public events to feed the service.</summary>
public static class Events
{
    public static CreatorApproved Approved(Guid brand, long version = 2) =>
        new(brand, DateTimeOffset.UtcNow, Guid.CreateVersion7(), version, State("approved"));

    public static CreatorSuspended Suspended(Guid brand) =>
        new(brand, DateTimeOffset.UtcNow, Guid.CreateVersion7(), 3, State("suspended"), "brief ignored");

    private static CreatorState State(string status) =>
        new(Guid.CreateVersion7(), "Ada Creator", "GB", ["fitness"], status, "micro", 42_000, 0.031m,
            [new SocialAccountState("instagram", "ada", "https://instagram.com/ada", 42_000, 0.031m, DateTimeOffset.UtcNow)]);
}
