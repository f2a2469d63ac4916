using System.Diagnostics;
using AmbassadorNet.ServiceDefaults.Configuration;
using AmbassadorNet.ServiceDefaults.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AmbassadorNet.ServiceDefaults.Lifetime;

[ConfigurationSection("Testing")]
public sealed class CrashPointOptions
{
    /// <summary>A file naming the crash point to die at (honoured only in the Testing environment).</summary>
    public string? CrashPointFile { get; set; }
}

/// <summary>
/// Named places in the code where a reliability test can make the process die as a kill -9 would
/// (no shutdown, no flush, no acknowledgement), e.g. between a consumer's commit and its ack. The
/// test writes the point's name into <see cref="CrashPointOptions.CrashPointFile"/>; the first
/// process to reach that point deletes the file (so the restarted process runs on) and kills itself.
/// Outside the Testing environment, or without the setting, <see cref="Reach"/> does nothing.
/// </summary>
public sealed class CrashPoints(string? file)
{
    public static readonly CrashPoints None = new(null);

    public void Reach(string name)
    {
        if (file is null || !File.Exists(file))
        {
            return;
        }

        string armed;
        try
        {
            armed = File.ReadAllText(file).Trim();
        }
        catch (IOException)
        {
            return; // deleted by another thread reaching the point at the same moment
        }

        if (armed != name)
        {
            return;
        }

        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            return;
        }

        Process.GetCurrentProcess().Kill(); // SIGKILL: nothing after this line runs, nothing is flushed
    }
}

public static class CrashPointRegistration
{
    public static IHostApplicationBuilder AddCrashPoints(this IHostApplicationBuilder builder)
    {
        var options = builder.AddSettings<CrashPointOptions>();
        var armed = builder.Environment.IsEnvironment(ClockRegistration.TestingEnvironment) && !string.IsNullOrWhiteSpace(options.CrashPointFile);
        builder.Services.AddSingleton(armed ? new CrashPoints(options.CrashPointFile) : CrashPoints.None);
        return builder;
    }
}
