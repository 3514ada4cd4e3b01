using Governance.Silo.Storage;
using Orleans.Configuration;

namespace Governance.Silo.Hosting;

/// <summary>How this silo finds the others: alone on localhost, or through the membership table in PostgreSQL.</summary>
public static class ClusteringSiloBuilderExtensions
{
    /// <summary>Configures clustering from <see cref="OrleansOptions.Membership"/>; the options are validated already.</summary>
    public static ISiloBuilder AddGovernanceClustering(this ISiloBuilder silo, OrleansOptions orleans, StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(orleans);
        ArgumentNullException.ThrowIfNull(storage);
        if (!orleans.UsesAdoNetClustering)
        {
            return silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
        }

        // The membership tables and queries come with the schema (14_orleans_clustering.sql), applied before Orleans starts.
        var connection = storage.GetConnection();
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = connection.Invariant;
            options.ConnectionString = connection.ConnectionString;
        });
        silo.Configure<ClusterOptions>(options =>
        {
            options.ServiceId = orleans.ServiceId;
            options.ClusterId = orleans.ClusterId;
        });
        // Listening on the advertised address (not on every interface) keeps a loopback cluster off the network.
        return silo.ConfigureEndpoints(orleans.GetAdvertisedAddress(), orleans.SiloPort, orleans.GatewayPort, listenOnAnyHostAddress: false);
    }
}
