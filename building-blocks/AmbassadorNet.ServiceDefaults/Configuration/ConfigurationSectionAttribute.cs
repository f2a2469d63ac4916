namespace AmbassadorNet.ServiceDefaults.Configuration;

/// <summary>Names the configuration section an options class binds to, e.g. "Database".</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ConfigurationSectionAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
