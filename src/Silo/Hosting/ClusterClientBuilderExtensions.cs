using Governance.Silo.Storage;
using Orleans.Configuration;

namespace Governance.Silo.Hosting;

/// <summary>How a standalone gateway, an Orleans client, finds the cluster: the silos' gateways listed in the membership table.</summary>
public static class ClusterClientBuilderExtensions
{
    // Silos that joined or left are seen by the client this soon (Orleans' default is a minute).
    private static readonly TimeSpan GatewayListRefresh = TimeSpan.FromSeconds(10);

    // A gateway started before any silo keeps trying to connect this long before its start fails.
    private static readonly TimeSpan ConnectPatience = TimeSpan.FromMinutes(2);

    public static IClientBuilder AddGovernanceClusterClient(this IClientBuilder client, OrleansOptions orleans, StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(orleans);
        ArgumentNullException.ThrowIfNull(storage);
        var connection = storage.GetConnection();
        client.UseAdoNetClustering(options =>
        {
            options.Invariant = connection.Invariant;
            options.ConnectionString = connection.ConnectionString;
        });
        client.Configure<ClusterOptions>(options =>
        {
            options.ServiceId = orleans.ServiceId;
            options.ClusterId = orleans.ClusterId;
        });
        client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = GatewayListRefresh);
        var started = TimeProvider.System.GetTimestamp();
        client.UseConnectionRetryFilter(async (_, cancellationToken) =>
        {
            if (TimeProvider.System.GetElapsedTime(started) > ConnectPatience)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            return true;
        });
        return client;
    }
}
