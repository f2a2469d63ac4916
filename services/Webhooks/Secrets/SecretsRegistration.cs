using AmbassadorNet.ServiceDefaults.Configuration;
using AmbassadorNet.ServiceDefaults.Deployment;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace AmbassadorNet.Webhooks.Secrets;

public static class SecretsRegistration
{
    /// <summary>
    /// Signing secrets encrypted at rest with ASP.NET Core Data Protection: the key ring in the
    /// database (<see cref="KeyRingRepository"/>), sealed under Webhooks:SecretsKey, which is not.
    /// Register after the database, so <see cref="SecretsAtRestStep"/> runs after the scripts.
    /// </summary>
    public static IHostApplicationBuilder AddSecretsAtRest(this IHostApplicationBuilder builder)
    {
        builder.AddSettings<SecretsKeyOptions>();
        builder.Services.AddSingleton<KeyEncryptionKeys>();
        builder.Services.AddSingleton<KeyRingRepository>();
        builder.Services.AddDataProtection().SetApplicationName("AmbassadorNet.Webhooks");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
        {
            options.XmlRepository = provider.GetRequiredService<KeyRingRepository>();
            options.XmlEncryptor = new KeyRingEncryptor(provider.GetRequiredService<KeyEncryptionKeys>());
        }));
        builder.Services.AddSingleton<SigningSecretProtector>();
        builder.Services.AddSingleton<IDeploymentStep, SecretsAtRestStep>();
        return builder;
    }
}
