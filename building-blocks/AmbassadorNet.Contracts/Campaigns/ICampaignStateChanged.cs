namespace AmbassadorNet.Contracts.Campaigns;

/// <summary>
/// A campaign event that carries the campaign's new state: what a replica of the campaign applies,
/// whatever the event's kind. A handler that takes this interface takes every such event on one queue.
/// </summary>
public interface ICampaignStateChanged : IReplicatedState
{
    Guid CampaignId { get; }

    CampaignState Campaign { get; }
}
