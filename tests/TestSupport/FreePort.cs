using System.Net;
using System.Net.Sockets;

namespace Governance.TestSupport;

/// <summary>Free TCP ports on the loopback interface.</summary>
public static class FreePort
{
    private static readonly HashSet<int> Given = [];

    /// <summary>
    /// A port that was free a moment ago: the OS picks it for a listener that is closed at once. Never one this
    /// process was given before, as the OS may offer a just-closed port again at once (a silo's two ports would
    /// then be one). Another process may take it before the caller binds, so callers retry on a bind failure.
    /// </summary>
    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            lock (Given)
            {
                if (Given.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
