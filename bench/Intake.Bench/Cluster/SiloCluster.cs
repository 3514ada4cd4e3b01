using System.Globalization;
using Governance.Intake.Bench.Processes;
using Governance.Intake.Bench.Reporting;
using Governance.Intake.Bench.Setup;

namespace Governance.Intake.Bench.Cluster;

/// <summary>
/// N silo processes on one PostgreSQL database forming one Orleans cluster (Orleans:Membership=adonet), each with a
/// gateway and an intake journal of its own (silo-a, silo-b, …), started one after the other, so the first applies the
/// schema and seeds the city alone. Ready once the membership table has every one of them Active.
/// </summary>
public sealed class SiloCluster : IAsyncDisposable
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);

    // As the cluster tests have it: a dead silo declared so within seconds.
    private static readonly string[] FastLiveness = [
        "--Orleans:Liveness:ProbeTimeout=00:00:02", "--Orleans:Liveness:TableRefreshTimeout=00:00:05",
        "--Orleans:Liveness:IAmAliveTablePublishTimeout=00:00:05", "--Orleans:Liveness:DeathVoteExpirationTimeout=00:00:30"];

    private readonly List<ClusterSilo> _silos = [];

    private SiloCluster(Membership membership) => Membership = membership;

    public IReadOnlyList<ClusterSilo> Silos => _silos;

    /// <summary>The silos' processes, in start order.</summary>
    public IReadOnlyList<ChildProcess> Processes => [.. _silos.Select(s => s.Process)];

    public Membership Membership { get; }

    public static async Task<SiloCluster> StartAsync(
        ClusterContext context, int count, string connectionString, LivenessSetting liveness, string label, CancellationToken cancellationToken)
    {
        var cluster = new SiloCluster(new Membership(connectionString));
        try
        {
            for (var i = 0; i < count; i++)
            {
                var journal = $"silo-{(char)('a' + i)}";
                var folder = Directory.CreateDirectory(Path.Combine(context.Temp, $"{label}-{journal}")).FullName;
                string[] args = [
                    "--Orleans:Membership=adonet", "--Storage:Provider=PostgreSql", $"--Storage:PostgresConnectionString={connectionString}",
                    $"--Intake:JournalName={journal}", .. liveness == LivenessSetting.Fast ? FastLiveness : []];
                var siloPort = FreePort.Next();
                var process = await SiloLauncher.StartAsync(
                    journal, context.SiloDll, folder, context.Access.SigningKey, siloPort, args, Path.Combine(context.Temp, $"{label}-{journal}.log"),
                    TimeSpan.FromSeconds(context.Options.StartupTimeoutSeconds), context.Output, cancellationToken);
                cluster._silos.Add(new ClusterSilo(process, siloPort, journal));
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await cluster.Membership.WaitForActiveAsync(count, JoinTimeout, cancellationToken);
            context.Output.WriteLine(Format.Invariant(
                $"{count.ToString(CultureInfo.InvariantCulture)} silos Active in the membership table ({System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s after the last was ready)"));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGTERM to every silo still running, the last started first; a silo still there after the grace is killed.</summary>
    public async Task StopAsync()
    {
        foreach (var silo in Enumerable.Reverse(_silos))
        {
            await silo.Process.StopAsync(StopGrace);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.Process.DisposeAsync();
        }
    }
}
