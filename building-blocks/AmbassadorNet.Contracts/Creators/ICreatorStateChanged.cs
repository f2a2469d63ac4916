namespace AmbassadorNet.Contracts.Creators;

/// <summary>
/// A creator event that moves the creator to a new state: what a replica of the creator applies,
/// whatever the event's kind. A handler that takes this interface takes every such event on one queue.
/// </summary>
public interface ICreatorStateChanged : IReplicatedState
{
    Guid CreatorId { get; }

    /// <summary>The creator's state after the event; null for an erasure, which carries none.</summary>
    CreatorState? Creator { get; }
}
