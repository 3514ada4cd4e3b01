using Governance.Silo.Storage;
using Orleans.Configuration;

namespace Governance.Silo.Hosting;

/// <summary>How this silo finds the others: alone on localhost, or through the membership table in PostgreSQL.</summary>
public static class ClusteringSiloBuilderExtensions
{
    /// <summary>The section of Orleans' own <see cref="ClusterMembershipOptions"/>: how soon a silo that stopped answering is declared dead.</summary>
    public const string LivenessSection = "Orleans:Liveness";

    /// <summary>
    /// Configures clustering from <see cref="OrleansOptions.Membership"/>; the options are validated already. In a
    /// cluster, <paramref name="liveness"/> (<see cref="LivenessSection"/>) may tune failure detection, e.g.
    /// <c>Orleans:Liveness:ProbeTimeout=00:00:02</c>.
    /// </summary>
    public static ISiloBuilder AddGovernanceClustering(this ISiloBuilder silo, OrleansOptions orleans, StorageOptions storage, IConfiguration liveness)
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
        // Reminders run the city's watches once per period for the whole cluster (WatchGrain); their table comes with the
        // schema too (16_orleans_reminders.sql). The watches choose their periods (Deadlines:CheckSeconds, Visits:CheckSeconds).
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = connection.Invariant;
            options.ConnectionString = connection.ConnectionString;
        });
        silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        silo.Configure<ClusterMembershipOptions>(liveness);
        silo.Configure<ClusterOptions>(options =>
        {
            options.ServiceId = orleans.ServiceId;
            options.ClusterId = orleans.ClusterId;
        });
        // Listening on the advertised address (not on every interface) keeps a loopback cluster off the network.
        return silo.ConfigureEndpoints(orleans.GetAdvertisedAddress(), orleans.SiloPort, orleans.GatewayPort, listenOnAnyHostAddress: false);
    }
}
