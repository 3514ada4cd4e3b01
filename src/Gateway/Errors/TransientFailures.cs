using System.Data.Common;

namespace Governance.Gateway.Errors;

/// <summary>Failures that mean the store or the cluster did not answer (a timeout, a silo gone): worth a retry.</summary>
public static class TransientFailures
{
    public static bool Is(Exception exception)
    {
        for (var e = (Exception?)exception; e is not null; e = e.InnerException)
        {
            if (e is DbException or TimeoutException or Orleans.Runtime.SiloUnavailableException or Orleans.Runtime.OrleansMessageRejectionException)
            {
                return true;
            }
        }

        return false;
    }
}
