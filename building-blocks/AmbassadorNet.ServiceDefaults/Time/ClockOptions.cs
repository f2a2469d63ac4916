using AmbassadorNet.ServiceDefaults.Configuration;

namespace AmbassadorNet.ServiceDefaults.Time;

[ConfigurationSection("Clock")]
public sealed class ClockOptions
{
    /// <summary>Path of a clock offset file; honoured only when the environment is Testing.</summary>
    public string? OffsetFile { get; set; }
}
