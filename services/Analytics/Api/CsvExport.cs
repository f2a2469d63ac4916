using System.Globalization;
using System.Text.Json;
using AmbassadorNet.ServiceDefaults.Files;

namespace AmbassadorNet.Analytics.Api;

/// <summary>
/// Writes rows as CSV from their JSON form: each row's properties in order, nested objects (the
/// metrics) flattened into their own columns, null as an empty field. Numbers and dates are the exact
/// text of the JSON, so the CSV of a view equals its JSON; names people typed are defused text.
/// </summary>
internal static class CsvExport
{
    public static byte[] Write<T>(IReadOnlyList<T> rows, JsonSerializerOptions json)
    {
        var elements = rows.Select(r => JsonSerializer.SerializeToElement(r, json)).ToList();
        var header = elements.Count == 0 ? ColumnsOf(typeof(T), json) : Flatten(elements[0]).Select(f => f.Name).ToList();
        var csv = new CsvFile(header);
        foreach (var element in elements)
        {
            csv.Row([.. Flatten(element).Select(f => f.Cell)]);
        }

        return csv.ToUtf8();
    }

    private static IEnumerable<(string Name, CsvCell Cell)> Flatten(JsonElement element)
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
                yield return (property.Name, Cell(property.Value));
            }
        }
    }

    /// <summary>A JSON number stays a number (its exact text); strings are text, defused like every text cell.</summary>
    private static CsvCell Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => CsvCell.Empty,
        JsonValueKind.String => CsvCell.Of(value.GetString()),
        JsonValueKind.Number => CsvCell.Of(value.GetDecimal()),
        _ => CsvCell.Of(value.GetRawText()),
    };

    /// <summary>The header of an empty export, from the row type's properties (nested records flattened) as JSON names them.</summary>
    private static List<string> ColumnsOf(Type type, JsonSerializerOptions json) =>
        type.GetProperties().SelectMany(p => p.PropertyType.Namespace?.StartsWith("AmbassadorNet.Analytics", StringComparison.Ordinal) == true
                ? ColumnsOf(p.PropertyType, json)
                : [json.PropertyNamingPolicy?.ConvertName(p.Name) ?? p.Name])
            .ToList();

    public static string FileName(string view) => string.Create(CultureInfo.InvariantCulture, $"analytics-{view}.csv");
}
