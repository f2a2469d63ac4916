namespace AmbassadorNet.Security;

/// <summary>
/// How large a request body may be. The gateway refuses a larger one with 413 before forwarding it
/// (an endpoint that takes a file says so with <c>WithBodyLimit</c>, and the gateway's generated table
/// carries it); the service checks the same number again, so the door and the room never disagree
/// about what fits.
/// </summary>
public static class RequestBodyLimits
{
    /// <summary>Every JSON command; the gateway's <c>Gateway:MaxRequestBodyBytes</c> defaults to it.</summary>
    public const long Json = 1024 * 1024;

    /// <summary>
    /// A file posted as the body: the provider's settlement file and the creators' import. 5 MiB holds
    /// a settlement of about 50,000 lines and an import of 5,000 rows with long addresses.
    /// </summary>
    public const long File = 5 * 1024 * 1024;

    public static string Describe(long bytes) => bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes} bytes";
}
