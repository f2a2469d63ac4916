namespace AmbassadorNet.Analytics.Api;

/// <summary>Brand-wide views are in one currency: the one asked for, or the only one there is.</summary>
internal static class CurrencyChoice
{
    /// <summary>The only currency found (null for none); with several, the caller must choose with ?currency=.</summary>
    public static string? OnlyOne(IReadOnlyList<string> found) => found.Count <= 1
        ? found.FirstOrDefault()
        : throw new RequestValidationException("currency", $"This brand has figures in {string.Join(", ", found)}: choose one with ?currency=.");
}
