using System.Text.Json;

namespace AmbassadorNet.Orchestration.Logging;

/// <summary>
/// Services log JSON lines (for machines); on a terminal one short line reads better:
/// <c>info Microsoft.Hosting.Lifetime: Now listening on: http://127.0.0.1:5000</c>.
/// Anything that is not such a JSON log line is returned unchanged.
/// </summary>
public static class ReadableLogLine
{
    public static string Render(string line)
    {
        if (!line.StartsWith('{'))
        {
            return line;
        }

        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (!root.TryGetProperty("LogLevel", out var level) || !root.TryGetProperty("Message", out var message))
            {
                return line;
            }

            var text = $"{Abbreviate(level.GetString())} {Text(root, "Category")}: {message.GetString()}";
            return root.TryGetProperty("Exception", out var exception) ? $"{text}{Environment.NewLine}{exception.GetString()}" : text;
        }
        catch (JsonException)
        {
            return line;
        }
    }

    private static string Text(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) ? value.GetString() ?? "" : "";

    private static string Abbreviate(string? level) => level switch
    {
        "Trace" => "trce",
        "Debug" => "dbug",
        "Information" => "info",
        "Warning" => "warn",
        "Error" => "fail",
        "Critical" => "crit",
        _ => level ?? "",
    };
}
