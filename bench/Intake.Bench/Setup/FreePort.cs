using System.Net;
using System.Net.Sockets;

namespace Governance.Intake.Bench.Setup;

/// <summary>A TCP port on loopback that nothing listens on right now, and that this process was not given before.</summary>
public static class FreePort
{
    private static readonly HashSet<int> Given = [];

    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (Given)
            {
                // The OS may offer a just-closed port again at once: a silo's two ports would then be one.
                if (Given.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
