namespace AmbassadorNet.Webhooks.Security;

/// <summary>What a subscription URL must be: absolute https (http only for allow-listed host and port pairs), no credentials, and a host that resolves to public addresses now.</summary>
public sealed class UrlRules(DestinationGuard guard, Microsoft.Extensions.Options.IOptions<WebhookOptions> options)
{
    public const int MaxLength = 2000;

    public async Task<Uri> ValidateAsync(string? url, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxLength || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            throw new RequestValidationException("url", $"An absolute URL of at most {MaxLength} characters is required.");
        }

        var allowed = options.Value.IsAllowedPrivateEndpoint(uri.Host, uri.Port);
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && allowed))
        {
            throw new RequestValidationException("url", "The URL must use https (http only for host and port pairs on the Webhooks:AllowedPrivateEndpoints list).");
        }

        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new RequestValidationException("url", "The URL may not carry credentials or a fragment.");
        }

        try
        {
            await guard.ResolveAsync(uri.Host, uri.Port, cancellationToken);
        }
        catch (DestinationRefusedException e)
        {
            throw new RequestValidationException("url", e.Message);
        }

        return uri;
    }
}
