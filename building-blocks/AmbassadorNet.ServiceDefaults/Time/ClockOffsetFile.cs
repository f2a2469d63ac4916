using System.Globalization;

namespace AmbassadorNet.ServiceDefaults.Time;

/// <summary>
/// A file holding how far the Testing clock runs ahead of real time, as a TimeSpan ("30.00:00:00").
/// One file can be shared by every process of a test run, so moving time for the whole system is one
/// write. Read again only when its modification time changes; a missing or empty file means zero.
/// </summary>
public sealed class ClockOffsetFile(string path)
{
    private readonly Lock _gate = new();
    private DateTime _seenWriteTime = DateTime.MinValue;
    private long _seenLength = -1;
    private TimeSpan _offset;

    public string Path { get; } = path;

    public TimeSpan Read()
    {
        var file = new FileInfo(Path);
        var writeTime = file.Exists ? file.LastWriteTimeUtc : DateTime.MinValue;
        var length = file.Exists ? file.Length : -1;
        lock (_gate)
        {
            if (writeTime != _seenWriteTime || length != _seenLength)
            {
                _offset = Parse(file.Exists ? ReadShared(Path) : "");
                _seenWriteTime = writeTime;
                _seenLength = length;
            }

            return _offset;
        }
    }

    /// <summary>Written to a temporary file and renamed, so a reader never sees half a value.</summary>
    public static void Write(string path, TimeSpan offset)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, offset.ToString("c", CultureInfo.InvariantCulture));
        File.Move(temporary, path, overwrite: true);
    }

    private static TimeSpan Parse(string text) =>
        string.IsNullOrWhiteSpace(text) ? TimeSpan.Zero : TimeSpan.Parse(text.Trim(), CultureInfo.InvariantCulture);

    private static string ReadShared(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            return "";
        }
    }
}
