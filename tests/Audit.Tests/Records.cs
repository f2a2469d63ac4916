using System.Text.Json;
using AmbassadorNet.Contracts.Audit;
using AmbassadorNet.Security;

namespace Audit.Tests;

/// <summary>AuditRecorded events as the services write them.</summary>
public static class Records
{
    public static readonly Guid Member = Guid.CreateVersion7();
    public static readonly Guid Key = Guid.CreateVersion7();

    /// <summary>A creator's update: country changed, and (with <paramref name="creator"/>) a display name as personal data.</summary>
    public static AuditRecorded CreatorUpdated(Guid brand, Guid subject, string from, string to, Guid? creator = null, string service = "creators",
        string action = "UpdateCreator", Guid? member = null, Guid? key = null) =>
        new(brand, DateTimeOffset.UtcNow, service, $"req-{Guid.NewGuid():N}", new AuditCaller(CallerKinds.Member, key ?? Key, member ?? Member, null),
            new AuditAction(action, "PATCH", "/api/creators/{id:guid}"),
            [new AuditChange("creators", subject.ToString(), "updated", Fields(("country", from, to)),
                creator is { } c ? new AuditPersonalData(c, null, Fields(("displayName", $"{from} name", $"{to} name"))) : null)]);

    /// <summary>The gateway's record of a member renamed: the name, personal data of the member themself.</summary>
    public static AuditRecorded MemberRenamed(Guid brand, Guid member, string from, string to) =>
        new(brand, DateTimeOffset.UtcNow, "gateway", $"req-{Guid.NewGuid():N}", new AuditCaller(CallerKinds.Member, Key, Member, null),
            new AuditAction("CreateMember", "POST", "/api/members"),
            [new AuditChange("members", member.ToString(), "updated", Fields(("roles", new[] { "finance" }, new[] { "analyst" })),
                new AuditPersonalData(null, member, Fields(("name", from, to))))]);

    /// <summary>One record of <paramref name="count"/> created rows: one save that created several rows.</summary>
    public static AuditRecorded Created(Guid brand, int count) =>
        new(brand, DateTimeOffset.UtcNow, "campaigns", null, new AuditCaller(CallerKinds.Machine, Key, null, null),
            new AuditAction("CreateCampaign", "POST", "/api/campaigns"),
            [.. Enumerable.Range(1, count).Select(i => new AuditChange("campaigns", Guid.CreateVersion7().ToString(), "created", Fields(("name", null, $"Campaign {i}"), ("budget", null, i * 100.50m)), null))]);

    private static Dictionary<string, AuditFieldChange> Fields(params (string Name, object? Before, object? After)[] fields) =>
        fields.ToDictionary(f => f.Name, f => new AuditFieldChange(
            f.Before is null ? null : JsonSerializer.SerializeToElement(f.Before), f.After is null ? null : JsonSerializer.SerializeToElement(f.After)));
}
