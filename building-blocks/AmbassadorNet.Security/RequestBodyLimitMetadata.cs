namespace AmbassadorNet.Security;

/// <summary>
/// Endpoint metadata: the largest body an endpoint takes when it is more than the gateway's default.
/// The gateway's route table is generated from it (tools/AmbassadorNet.RouteTable), so the door lets
/// such a body through to this endpoint only. Not ASP.NET's <c>IRequestSizeLimitMetadata</c> on
/// purpose: the service keeps answering an oversized file with its own 400 from <c>RequestFile</c>
/// instead of Kestrel's bare 413.
/// </summary>
public sealed record RequestBodyLimitMetadata(long MaxBytes);
