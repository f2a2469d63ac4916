using Microsoft.Extensions.Configuration;

namespace Security.Tests.Support;

/// <summary>Configuration the test can replace while the app runs, as a reloaded settings file would be.</summary>
public sealed class SettingsSource(IReadOnlyDictionary<string, string?> initial) : IConfigurationSource
{
    private readonly Provider _provider = new(initial);

    public IConfigurationProvider Build(IConfigurationBuilder builder) => _provider;

    public void Replace(IReadOnlyDictionary<string, string?> settings) => _provider.Replace(settings);

    private sealed class Provider(IReadOnlyDictionary<string, string?> initial) : ConfigurationProvider
    {
        private IReadOnlyDictionary<string, string?> _settings = initial;

        public override void Load() => Data = new Dictionary<string, string?>(_settings, StringComparer.OrdinalIgnoreCase);

        public void Replace(IReadOnlyDictionary<string, string?> settings)
        {
            _settings = settings;
            Load();
            OnReload();
        }
    }
}
