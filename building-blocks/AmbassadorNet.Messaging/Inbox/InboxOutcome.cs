namespace AmbassadorNet.Messaging.Inbox;

public enum InboxOutcome
{
    Applied,
    Duplicate,
    Parked,
}
