namespace AmbassadorNet.Webhooks.Security;

/// <summary>A webhook destination that resolves to an address we must not reach (server-side request forgery).</summary>
public sealed class DestinationRefusedException(string host, string reason) : Exception($"Refused to reach {host}: {reason}.")
{
    public string Host { get; } = host;
}
