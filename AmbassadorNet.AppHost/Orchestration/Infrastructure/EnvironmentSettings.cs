using System.Globalization;

namespace AmbassadorNet.Orchestration.Infrastructure;

internal static class EnvironmentSettings
{
    public static string Get(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;

    public static int GetPort(string name, int fallback)
    {
        var text = Get(name, fallback.ToString(CultureInfo.InvariantCulture));
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 0 and <= 65535
            ? port
            : throw new InvalidOperationException($"{name}={text} is not a TCP port.");
    }
}
