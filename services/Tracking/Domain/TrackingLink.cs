namespace AmbassadorNet.Tracking.Domain;

/// <summary>A tracking link: <c>/r/{Code}</c>. A deactivated link answers 404.</summary>
public sealed class TrackingLink : EnrollmentCode;
