using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AmbassadorNet.Orchestration.Processes;

/// <summary>
/// .NET cannot send SIGTERM: <see cref="Process.Kill()"/> (with or without the process tree) is
/// SIGKILL on Unix, which gives a service no chance to drain. SIGTERM makes an ASP.NET Core host
/// run its graceful shutdown (stop accepting, finish requests, stop the bus) and exit 0.
/// </summary>
internal static partial class Signals
{
    private const int SigTerm = 15; // the same number on Linux and macOS

    /// <summary>Asks the process to stop. False where there is no SIGTERM (Windows) or it already exited.</summary>
    public static bool TryTerminate(Process process)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        return Kill(process.Id, SigTerm) == 0;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
