using AmbassadorNet.Messaging.Inbox;
using AmbassadorNet.Messaging.Parking;

namespace AmbassadorNet.Messaging.Registration;

/// <summary>One event a service consumes: its queue, the endpoint's settings, and how to replay a parked copy.</summary>
public sealed record HandlerRegistration(
    Type MessageType,
    Type ConsumerType,
    string EndpointName,
    EndpointSettings Settings,
    Func<IServiceProvider, ParkedMessage, CancellationToken, Task<InboxOutcome>> ReplayParked);
