namespace AmbassadorNet.Messaging.Topology;

/// <summary>MassTransit moves a message that failed every retry to "{queue}_error" (an exchange and a queue of that name).</summary>
public static class ErrorQueues
{
    public const string Suffix = "_error";

    public static string NameFor(string endpoint) => endpoint + Suffix;
}
