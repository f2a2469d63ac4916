namespace AmbassadorNet.Campaigns.Domain;

// Stored and serialised in snake_case ("revision_requested"), as the API and the events spell them.

public enum CampaignStatus
{
    Draft,
    Active,
    Paused,
    Ended,
}

public enum Objective
{
    Awareness,
    Traffic,
    Sales,
    Content,
}

public enum EnrollmentStatus
{
    Invited,
    Active,
    Declined,
    Removed,

    /// <summary>Ended by the creators service: the creator was suspended, offboarded or erased.</summary>
    Ended,
}

public enum DeliverableType
{
    Post,
    Video,
    Story,
    Review,
    Blog,
}

public enum DeliverableStatus
{
    Pending,
    Submitted,
    Approved,
    RevisionRequested,
    Rejected,
}
