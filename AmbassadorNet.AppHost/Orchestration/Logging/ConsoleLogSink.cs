namespace AmbassadorNet.Orchestration.Logging;

/// <summary>
/// Every line prefixed with its source, padded so the lines of all sources align, in a colour per
/// source when writing to a terminal.
/// </summary>
public sealed class ConsoleLogSink(TextWriter writer, bool useColor, bool readable, int prefixWidth = 10) : ILogSink
{
    private static readonly string[] Palette = ["\e[36m", "\e[33m", "\e[35m", "\e[32m", "\e[34m", "\e[96m", "\e[93m", "\e[95m"];
    private const string Reset = "\e[0m";
    private const string Red = "\e[31m";

    private readonly Dictionary<string, string> _colors = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Standard output; colour only on a terminal and when NO_COLOR is unset; readable unless AMB_LOG_FORMAT=json.</summary>
    public static ConsoleLogSink ForConsole(int prefixWidth = 10) => new(
        Console.Out,
        useColor: !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null,
        readable: Environment.GetEnvironmentVariable("AMB_LOG_FORMAT") != "json",
        prefixWidth);

    public void Write(string source, string line, LogStream stream)
    {
        var text = readable ? ReadableLogLine.Render(line) : line;
        var prefix = source.PadRight(prefixWidth) + " | ";
        lock (_lock)
        {
            foreach (var part in text.Split('\n'))
            {
                writer.WriteLine(useColor ? Colored(source, prefix, part, stream) : prefix + part);
            }

            writer.Flush();
        }
    }

    private string Colored(string source, string prefix, string text, LogStream stream)
    {
        if (!_colors.TryGetValue(source, out var color))
        {
            color = Palette[_colors.Count % Palette.Length];
            _colors[source] = color;
        }

        return stream == LogStream.Error ? $"{color}{prefix}{Red}{text}{Reset}" : $"{color}{prefix}{Reset}{text}";
    }
}
