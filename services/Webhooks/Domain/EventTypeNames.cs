using System.Text.RegularExpressions;

namespace AmbassadorNet.Webhooks.Domain;

/// <summary>
/// The name partners see for an event type: the first word is the resource, the rest the change in
/// snake_case (CreatorApproved → creator.approved, CreatorPayoutProfileUpdated → creator.payout_profile_updated).
/// </summary>
public static partial class EventTypeNames
{
    public static string Of(Type eventType) => Of(eventType.Name);

    public static string Of(string typeName)
    {
        var words = Word().Matches(typeName).Select(m => m.Value.ToLowerInvariant()).ToList();
        return words.Count < 2
            ? throw new ArgumentException($"An event type name needs a resource and a change: {typeName}.", nameof(typeName))
            : $"{words[0]}.{string.Join('_', words.Skip(1))}";
    }

    [GeneratedRegex("[A-Z][a-z0-9]*")]
    private static partial Regex Word();
}
