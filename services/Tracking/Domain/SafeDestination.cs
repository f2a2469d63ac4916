using System.Globalization;

namespace AmbassadorNet.Tracking.Domain;

/// <summary>
/// Decides whether a destination may be redirected to: never an open redirect. Only absolute http(s)
/// URLs without user info or backslashes (browsers read "\" as "/" and the host would change), whose
/// host, compared in its ASCII (punycode) form, lower case and without a trailing dot, is an allowed
/// domain or a subdomain of one.
/// </summary>
public static class SafeDestination
{
    private static readonly IdnMapping Idn = new();

    /// <returns>The parsed destination, or null when it must not be followed.</returns>
    public static Uri? Check(string destination, IEnumerable<string> allowedDomains)
    {
        if (destination.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c))
            || !Uri.TryCreate(destination, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("https" or "http")
            || uri.UserInfo.Length > 0
            || destination.Contains('@', StringComparison.Ordinal) && destination.IndexOf('@', StringComparison.Ordinal) < AuthorityEnd(destination))
        {
            return null;
        }

        var host = AsciiHost(uri.IdnHost);
        if (host is null)
        {
            return null;
        }

        var allowed = allowedDomains.Select(AsciiHost).OfType<string>();
        return allowed.Any(d => host == d || host.EndsWith("." + d, StringComparison.Ordinal)) ? uri : null;
    }

    /// <summary>The host in punycode, lower case, without one trailing dot; null if it is not a valid host name.</summary>
    public static string? AsciiHost(string host)
    {
        var trimmed = host.Trim().TrimEnd('.');
        if (trimmed.Length == 0 || trimmed.Contains('.', StringComparison.Ordinal) && trimmed.Split('.').Any(l => l.Length == 0))
        {
            return null;
        }

        try
        {
            return Idn.GetAscii(trimmed.ToLowerInvariant()).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Where the authority of "scheme://authority/..." ends, so an '@' in the path or query is not taken for user info.</summary>
    private static int AuthorityEnd(string url)
    {
        var start = url.IndexOf("//", StringComparison.Ordinal);
        if (start < 0)
        {
            return url.Length;
        }

        var end = url.IndexOfAny(['/', '?', '#'], start + 2);
        return end < 0 ? url.Length : end;
    }
}
