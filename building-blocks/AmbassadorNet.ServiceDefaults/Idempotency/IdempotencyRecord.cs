namespace AmbassadorNet.ServiceDefaults.Idempotency;

/// <summary>A command sent with an Idempotency-Key: in progress until <see cref="CompletedAt"/>, then its stored response.</summary>
public sealed class IdempotencyRecord
{
    public Guid BrandId { get; set; }

    public string Key { get; set; } = "";

    /// <summary>SHA-256 of method, path and body: the same key with another request is a conflict.</summary>
    public string RequestHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public int? StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public byte[]? ResponseBody { get; set; }
}
