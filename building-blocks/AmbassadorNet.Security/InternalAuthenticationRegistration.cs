using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AmbassadorNet.Security;

public static class InternalAuthenticationRegistration
{
    /// <summary>
    /// Makes the internal token the service's only way in: binds <c>InternalAuth</c> (validated at
    /// start), registers the Internal scheme as the default, one authorization policy per row of
    /// <see cref="AccessPolicies"/>, and a fallback that demands a token on every endpoint that does
    /// not say <c>AllowAnonymous</c> (health does), so a forgotten policy fails closed.
    /// </summary>
    public static TBuilder AddInternalAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var services = builder.Services;
        services.AddOptions<InternalAuthOptions>()
            .BindConfiguration(InternalAuthOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InternalAuthOptions>, InternalAuthOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InternalPublicKeys>();
        services.TryAddSingleton<VerifiedTokens>();

        services.AddAuthentication(InternalToken.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, InternalTokenAuthenticationHandler>(InternalToken.AuthenticationScheme, configureOptions: null);

        services.AddAuthorization(options =>
        {
            foreach (var policy in AccessPolicies.All)
            {
                options.AddPolicy(policy.Name, p => p
                    .AddAuthenticationSchemes(InternalToken.AuthenticationScheme)
                    .RequireAuthenticatedUser()
                    .RequireRole(policy.Roles));
            }

            options.FallbackPolicy = new AuthorizationPolicyBuilder(InternalToken.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .Build();
        });
        return builder;
    }
}
