using AmbassadorNet.Gateway.Access;
using AmbassadorNet.Gateway.Api;
using AmbassadorNet.Gateway.Configuration;
using AmbassadorNet.Gateway.Data;
using AmbassadorNet.Gateway.Docs;
using AmbassadorNet.Gateway.Http;
using AmbassadorNet.Gateway.Identity;
using AmbassadorNet.Gateway.Identity.Oidc;
using AmbassadorNet.Gateway.Keys;
using AmbassadorNet.Gateway.Proxy;
using AmbassadorNet.Gateway.RateLimiting;
using AmbassadorNet.Messaging.Audit;
using AmbassadorNet.Messaging.Registration;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults;
using AmbassadorNet.ServiceDefaults.Configuration;
using AmbassadorNet.ServiceDefaults.Errors;
using AmbassadorNet.ServiceDefaults.Grpc;
using AmbassadorNet.ServiceDefaults.Health;
using AmbassadorNet.ServiceDefaults.Lifetime;
using AmbassadorNet.ServiceDefaults.Observability;
using AmbassadorNet.ServiceDefaults.Persistence;
using AmbassadorNet.ServiceDefaults.Time;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Transforms;

namespace AmbassadorNet.Gateway;

public static class GatewayRegistration
{
    /// <summary>
    /// The service defaults a gateway can use (clock, telemetry, problem details, health, its database)
    /// without the internal-token authentication: the gateway signs tokens, it never accepts them.
    /// </summary>
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        builder.AddClock();
        builder.AddTelemetry(GatewayServices.GatewayItself);
        builder.AddProblemResponses();
        builder.Services.AddHealthChecks();
        builder.AddServiceDatabase<GatewayDbContext>(GatewayDbContext.Migrations);
        // The gateway takes no events; it publishes the audit records of its own changes through its outbox,
        // and keeps answering while the broker is away (they wait in the outbox).
        builder.AddServiceMessaging<GatewayDbContext>(GatewayServices.GatewayItself, messaging => messaging.ServeWithoutBroker());
        builder.AddAuditCapture(GatewayServices.GatewayItself);

        var options = builder.AddSettings<GatewayOptions>();
        builder.Services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = BodySizeLimitMiddleware.ServerLimit(GatewayRouteTable.Default, options));

        builder.Services.AddSingleton(provider => TrustedProxies.Parse(provider.GetRequiredService<IOptions<GatewayOptions>>().Value.TrustedProxies));
        builder.Services.AddSingleton(GatewayRouteTable.Default);
        builder.Services.AddSingleton<CredentialCache>();
        builder.Services.AddSingleton<ApiKeyDirectory>();
        builder.Services.AddBrandOidcValidation();
        builder.Services.AddSingleton<IIdentityProviderSource, IdentityProviderDirectory>();
        builder.Services.AddSingleton<MemberSignIn>();
        builder.Services.AddSingleton<OperatorCredential>();
        builder.Services.AddHostedService<RevocationListener>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);
        // The gateway's own endpoints declare their row with RequireAccess, like every service's.
        builder.Services.AddAuthorization(authorization =>
        {
            foreach (var policy in AccessPolicies.All)
            {
                authorization.AddPolicy(policy.Name, p => p.RequireAuthenticatedUser().RequireRole(policy.Roles));
            }
        });
        builder.Services.AddGatewayRateLimits();
        builder.AddServiceOpenApi(GatewayServices.GatewayItself, GatewayTags.Descriptions);
        builder.AddProxy();
        // The gRPC port (Grpc:Url, HTTP/2 without TLS) beside the HTTP/1.1 one; the gateway answers grpc.health.v1 itself.
        builder.AddPartnerGrpc();
        return builder;
    }

    /// <summary>The order is the design: which route, who is calling, how often, whether they may, and only then where to.</summary>
    public static WebApplication UseGateway(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The client's address is settled first (X-Forwarded-For from trusted proxies only), before the header is stripped.
        app.UseMiddleware<ClientAddressResolution>();
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<ClientHeaderStripping>();
        app.UseApiPage();
        app.UseRouting();
        app.UseMiddleware<RouteResolutionMiddleware>();
        // Before authentication: an oversized body is refused without looking up the key.
        app.UseMiddleware<BodySizeLimitMiddleware>();
        // Called here, after the route is known: left out, WebApplication would add it first in the pipeline.
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseMiddleware<AccessEnforcementMiddleware>();
        app.UseMiddleware<StreamMessageLimits>();
        app.UseAuthorization();

        app.MapHealthEndpoints();
        app.MapPartnerGrpcHealth();
        app.MapServiceOpenApi(GatewayServices.OpenApiPath(GatewayServices.GatewayItself));
        app.MapWholeApiDocument();
        app.MapPartnerGrpcFiles();
        app.MapBrandsApi();
        app.MapApiKeysApi();
        app.MapMembersApi();
        app.MapMemberCreatorApi();
        app.MapIdentityProviderApi();
        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<ProxyErrorsMiddleware>();
            proxy.UseLoadBalancing();
        });
        return app;
    }

    private static void AddProxy(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ConfigurationCatalog.SectionOf(typeof(GatewayOptions))).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.AddSingleton(provider =>
        {
            // Validated at start; the gateway is the only holder of this private key.
            var signing = provider.GetRequiredService<IOptions<GatewayOptions>>().Value.SigningKey;
            return new InternalTokenIssuer(InternalKeys.ImportPrivateKeyPem(signing.Pem), signing.KeyId, provider.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddSingleton(provider => new InternalTokenTransform(provider.GetRequiredService<InternalTokenIssuer>(),
            provider.GetRequiredService<IOptions<GatewayOptions>>().Value.SigningKey.TokenLifetime, provider.GetRequiredService<TimeProvider>()));
        // A destination such as http://creators is found by name (the AppHost's services__creators__http__0);
        // an address (deploy/, tests) passes through unchanged.
        builder.Services.AddServiceDiscovery();
        // Creator credentials are checked against the creators service when they are made (CreatorDirectory).
        builder.Services.AddHttpClient<CreatorDirectory>().AddServiceDiscovery();
        builder.Services.AddReverseProxy()
            .LoadFromMemory(ProxyRoutes.Routes(options), ProxyRoutes.Clusters(options))
            .AddServiceDiscoveryDestinationResolver()
            .AddTransforms(transforms =>
            {
                var service = transforms.Route.Metadata![ProxyRoutes.ServiceMetadata];
                var tokens = transforms.Services.GetRequiredService<InternalTokenTransform>();
                transforms.AddRequestTransform(context => tokens.ApplyAsync(context, service));
                if (transforms.Route.Metadata?.GetValueOrDefault(ProxyRoutes.KindMetadata) == ProxyRoutes.DocumentKind)
                {
                    transforms.AddResponseTransform(OpenApiServersTransform.ApplyAsync);
                }
            });
    }
}
