using System.Text.Json.Serialization;

namespace AmbassadorNet.TestKit.Rabbit;

public sealed record QueueStats(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("messages_ready")] long Ready,
    [property: JsonPropertyName("messages_unacknowledged")] long Unacknowledged)
{
    public bool IsIdle => Ready == 0 && Unacknowledged == 0;
}
