using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace AmbassadorNet.ServiceDefaults.Configuration;

/// <summary>
/// Every setting a service reads is a property of an options class registered through
/// <see cref="SettingsRegistration.AddSettings{T}"/>; this catalog turns those classes into the
/// list of keys, the one place deploy files and the AppHost can be checked against
/// (<c>--print-config-keys</c> prints it).
/// </summary>
public sealed class ConfigurationCatalog
{
    private readonly List<Type> _optionsTypes = [];

    public IReadOnlyList<Type> OptionsTypes => _optionsTypes;

    public void Add(Type optionsType)
    {
        if (!_optionsTypes.Contains(optionsType))
        {
            _optionsTypes.Add(optionsType);
        }
    }

    public IReadOnlyList<ConfigurationKey> Keys() =>
        _optionsTypes.SelectMany(t => KeysOf(t)).OrderBy(k => k.Path, StringComparer.Ordinal).ToList();

    /// <summary>The [ConfigurationSection] name, or a public const SectionName for options of building blocks below this one.</summary>
    public static string SectionOf(Type optionsType) =>
        optionsType.GetCustomAttribute<ConfigurationSectionAttribute>()?.Name
        ?? optionsType.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string
        ?? throw new InvalidOperationException($"{optionsType.Name} has no [ConfigurationSection] attribute.");

    public static IEnumerable<ConfigurationKey> KeysOf(Type optionsType, string? prefix = null)
    {
        prefix ??= SectionOf(optionsType);
        foreach (var property in optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || IsCollection(p.PropertyType)))
        {
            var path = $"{prefix}:{property.Name}";
            var required = property.GetCustomAttribute<RequiredAttribute>() is not null;
            var type = property.PropertyType;
            if (DictionaryValueType(type) is { } valueType)
            {
                foreach (var key in IsLeaf(valueType) ? [new ConfigurationKey($"{path}:{{name}}", valueType.Name, required)] : KeysOf(valueType, $"{path}:{{name}}"))
                {
                    yield return key;
                }
            }
            else if (IsLeaf(type) || IsCollection(type))
            {
                yield return new ConfigurationKey(path, (Nullable.GetUnderlyingType(type) ?? type).Name, required);
            }
            else
            {
                foreach (var key in KeysOf(type, path))
                {
                    yield return key;
                }
            }
        }
    }

    private static bool IsLeaf(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal)
            || underlying == typeof(TimeSpan) || underlying == typeof(Uri) || underlying == typeof(Guid)
            || underlying == typeof(DateTimeOffset);
    }

    private static bool IsCollection(Type type) =>
        type != typeof(string) && type.IsAssignableTo(typeof(System.Collections.IEnumerable)) && DictionaryValueType(type) is null;

    private static Type? DictionaryValueType(Type type) =>
        type.IsGenericType && type.GetGenericArguments() is [var key, var value] && key == typeof(string)
            && type.IsAssignableTo(typeof(IDictionary<,>).MakeGenericType(key, value))
            ? value
            : null;
}
