namespace AmbassadorNet.Messaging.Parking;

/// <summary>Wakes the parked-message replayer when a handler released a prerequisite.</summary>
public sealed class ParkedMessageSignal : Pulse;
