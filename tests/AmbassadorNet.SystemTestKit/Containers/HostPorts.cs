using System.Net;
using System.Net.Sockets;

namespace AmbassadorNet.SystemTestKit.Containers;

/// <summary>
/// Ports for a container's servers on the host's network: free on 127.0.0.1 now, outside the range the
/// kernel hands out to outgoing connections (so one cannot take a port before the container binds it),
/// and not one of the shared servers' (5432, 5672, 15672, 25672, 4369).
/// </summary>
public static class HostPorts
{
    private const int First = 20000;
    private const int Last = 29999;
    private static readonly int[] Shared = [25672];
    private static readonly HashSet<int> Handed = [];

    public static int[] Reserve(int count)
    {
        lock (Handed)
        {
            var ports = new List<int>();
            while (ports.Count < count)
            {
                var port = Random.Shared.Next(First, Last + 1);
                if (!Shared.Contains(port) && !Handed.Contains(port) && IsFree(port))
                {
                    Handed.Add(port);
                    ports.Add(port);
                }
            }

            return [.. ports];
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
