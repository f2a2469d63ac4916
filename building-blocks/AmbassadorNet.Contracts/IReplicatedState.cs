namespace AmbassadorNet.Contracts;

/// <summary>
/// An event that carries the full state of an aggregate so a consumer can keep a replica. Consumers
/// ignore an event whose <see cref="Version"/> is not newer than the one they hold, which makes
/// out-of-order delivery harmless.
/// </summary>
public interface IReplicatedState : IIntegrationEvent
{
    long Version { get; }
}
