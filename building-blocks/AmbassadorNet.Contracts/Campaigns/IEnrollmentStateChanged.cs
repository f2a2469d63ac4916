namespace AmbassadorNet.Contracts.Campaigns;

/// <summary>
/// An enrollment event that carries the enrollment's new state: what a replica of the enrollment
/// applies, whatever the event's kind.
/// </summary>
public interface IEnrollmentStateChanged : IReplicatedState
{
    Guid EnrollmentId { get; }

    EnrollmentState Enrollment { get; }
}
