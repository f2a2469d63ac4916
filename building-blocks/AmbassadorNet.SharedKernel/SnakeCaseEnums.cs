using System.Collections.Concurrent;
using System.Text.Json;

namespace AmbassadorNet.SharedKernel;

/// <summary>Enum values as the API, the events and the database spell them: snake_case ("bank_transfer").</summary>
public static class SnakeCaseEnums
{
    private static readonly ConcurrentDictionary<Enum, string> Names = new();

    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Names.GetOrAdd(value, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Name(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static TEnum Parse<TEnum>(string text) where TEnum : struct, Enum =>
        TryParse<TEnum>(text, out var value) ? value : throw new FormatException($"'{text}' is not a {typeof(TEnum).Name}.");

    /// <summary>"instagram, tiktok, youtube": for error messages that list what is accepted.</summary>
    public static string Allowed<TEnum>() where TEnum : struct, Enum => string.Join(", ", Enum.GetValues<TEnum>().Select(v => Name(v)));
}
