using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AmbassadorNet.Analytics.Api;

/// <summary>
/// Writes rows as CSV (RFC 4180) from their JSON form: each row's properties in order, nested objects
/// (the metrics) flattened into their own columns, null as an empty field. Numbers and dates are the
/// exact text of the JSON, so the CSV of a view equals its JSON.
/// </summary>
internal static class CsvExport
{
    public static string Write<T>(IReadOnlyList<T> rows, JsonSerializerOptions json)
    {
        var elements = rows.Select(r => JsonSerializer.SerializeToElement(r, json)).ToList();
        var header = elements.Count == 0 ? ColumnsOf(typeof(T), json) : Flatten(elements[0]).Select(f => f.Name).ToList();
        var csv = new StringBuilder();
        csv.AppendJoin(',', header.Select(Quote)).Append("\r\n");
        foreach (var element in elements)
        {
            csv.AppendJoin(',', Flatten(element).Select(f => Quote(f.Value))).Append("\r\n");
        }

        return csv.ToString();
    }

    private static IEnumerable<(string Name, string Value)> Flatten(JsonElement element)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var inner in Flatten(property.Value))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return (property.Name, property.Value.ValueKind switch
                {
                    JsonValueKind.Null => "",
                    JsonValueKind.String => property.Value.GetString()!,
                    _ => property.Value.GetRawText(),
                });
            }
        }
    }

    /// <summary>The header of an empty export, from the row type's properties (nested records flattened) as JSON names them.</summary>
    private static List<string> ColumnsOf(Type type, JsonSerializerOptions json) =>
        type.GetProperties().SelectMany(p => p.PropertyType.Namespace == type.Namespace || p.PropertyType.Name == "Metrics"
                ? ColumnsOf(p.PropertyType, json)
                : [json.PropertyNamingPolicy?.ConvertName(p.Name) ?? p.Name])
            .ToList();

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;

    public static string FileName(string view) => string.Create(CultureInfo.InvariantCulture, $"analytics-{view}.csv");
}
