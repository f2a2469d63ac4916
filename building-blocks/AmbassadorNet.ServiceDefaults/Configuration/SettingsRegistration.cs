using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AmbassadorNet.ServiceDefaults.Configuration;

public static class SettingsRegistration
{
    /// <summary>
    /// Binds an options class to its section, validates its data annotations when the host starts
    /// (a missing connection string stops the service with a clear message instead of failing on the
    /// first request), records it in the catalog, and returns the values for use during startup.
    /// </summary>
    public static T AddSettings<T>(this IHostApplicationBuilder builder) where T : class, new()
    {
        var section = ConfigurationCatalog.SectionOf(typeof(T));
        builder.Services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        builder.Catalog().Add(typeof(T));
        return builder.Configuration.GetSection(section).Get<T>() ?? new T();
    }

    public static ConfigurationCatalog Catalog(this IHostApplicationBuilder builder)
    {
        if (builder.Properties.TryGetValue(typeof(ConfigurationCatalog), out var existing))
        {
            return (ConfigurationCatalog)existing;
        }

        var catalog = new ConfigurationCatalog();
        builder.Properties[typeof(ConfigurationCatalog)] = catalog;
        builder.Services.AddSingleton(catalog);
        return catalog;
    }
}
