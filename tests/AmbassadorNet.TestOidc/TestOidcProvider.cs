using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace AmbassadorNet.TestOidc;

/// <summary>
/// A real OpenID Connect provider for tests: OpenIddict's server on Kestrel at
/// http://127.0.0.1:{free port}/, which is also its issuer. OpenIddict serves the discovery document
/// (/.well-known/openid-configuration) and the JWKS itself, and signs each provider's access tokens
/// with its own ephemeral RSA key.
/// <para>
/// Tokens come from the authorization code flow with PKCE, driven over HTTP by <see cref="SignInAsync"/>:
/// the flow brands' staff really sign in with (the password grant is gone from OAuth 2.1 and most
/// enterprise providers turn it off), and it needs no password store: the test login signs in the
/// user named by login_hint, registered by the test beforehand. The redirect goes to the provider's
/// own /callback and is read from the Location header, never followed, so nothing leaves 127.0.0.1.
/// </para>
/// <para>
/// No database: OpenIddict's degraded mode, with the one client checked in the provider's handlers.
/// </para>
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    /// <summary>One hour, as Entra ID and Okta issue them by default.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);

    public const string DiscoveryPath = "/.well-known/openid-configuration";
    public const string KeySetPath = "/.well-known/jwks";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, TestOidcUser> users;
    private readonly ConcurrentDictionary<string, int> requests;
    private readonly HttpClient http;

    private TestOidcProvider(WebApplication app, ConcurrentDictionary<string, TestOidcUser> users, ConcurrentDictionary<string, int> requests, Uri address)
    {
        this.app = app;
        this.users = users;
        this.requests = requests;
        BaseAddress = address;
        // Redirects are read, not followed: the code is in the Location header.
        http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };
    }

    /// <summary>The issuer, as OpenIddict writes it into the discovery document and every token (with its trailing slash).</summary>
    public string Issuer => BaseAddress.AbsoluteUri;

    public Uri BaseAddress { get; }

    /// <summary>The kid of the key signing new tokens.</summary>
    public string SigningKeyId => ServerOptions.SigningCredentials[0].Key.KeyId;

    private OpenIddictServerOptions ServerOptions => app.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue;

    public static async Task<TestOidcProvider> StartAsync()
    {
        var users = new ConcurrentDictionary<string, TestOidcUser>(StringComparer.Ordinal);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        TestOidcServer.Add(builder.Services, users, AccessTokenLifetime);
        // The issuer is the address Kestrel bound; read when OpenIddict first reads its options, on the first request.
        builder.Services.AddOptions<OpenIddictServerOptions>().Configure<IServer>((options, server) =>
            options.Issuer = new Uri(server.Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/"));

        var app = builder.Build();
        var requests = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        app.Use((context, next) =>
        {
            requests.AddOrUpdate(context.Request.Path.Value ?? "", 1, (_, count) => count + 1);
            return next(context);
        });
        app.UseAuthentication();
        app.MapGet(TestOidcServer.CallbackPath, () => "Signed in: the test reads the code from the redirect.");
        await app.StartAsync();
        return new TestOidcProvider(app, users, requests, new Uri(app.Urls.Single() + "/"));
    }

    /// <summary>
    /// Signs <paramref name="user"/> in through the authorization code flow and returns the access token
    /// for <paramref name="audience"/>. <paramref name="issuedAt"/> backdates the token (its lifetime is
    /// <see cref="AccessTokenLifetime"/>), so a test can have one that expired long ago.
    /// </summary>
    public async Task<string> SignInAsync(TestOidcUser user, string audience, DateTimeOffset? issuedAt = null, CancellationToken cancellationToken = default)
    {
        // The directory holds the user as they are now: a later sign-in with other groups replaces them.
        users[user.Subject] = user;
        return await new AuthorizationCodeFlow(http, new Uri(BaseAddress, TestOidcServer.CallbackPath))
            .SignInAsync(user.Subject, audience, issuedAt, cancellationToken);
    }

    /// <summary>How many requests reached <paramref name="path"/> (e.g. <see cref="KeySetPath"/>): what a validator fetched.</summary>
    public int Requests(string path) => requests.GetValueOrDefault(path);

    /// <summary>A new signing key replaces the current one (also in the JWKS); returns its kid.</summary>
    public string RotateSigningKey() => TestOidcSigningKeys.Rotate(ServerOptions);

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
