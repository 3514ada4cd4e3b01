using Governance.Contracts.Access;
using Governance.Intake.Bench.Load;
using Governance.Intake.Bench.Postgres;
using Governance.Intake.Bench.Processes;

namespace Governance.Intake.Bench.Cluster;

/// <summary>What every round of a cluster run shares: the options, the silo build and its token, the PostgreSQL server, where to write.</summary>
public sealed record ClusterContext(
    BenchOptions Options, TextWriter Output, PhaseRunner Phases, string SiloDll, SiloToken Access, PostgresServer Postgres, string Temp)
{
    private static readonly TimeSpan PointsTimeout = TimeSpan.FromMinutes(3);

    /// <summary>A fresh database's name for a round: lower case, unique in the run.</summary>
    public string DatabaseName(string round) => $"bench_{Phases.RunId}_{round}";

    /// <summary>The city's points, asked of one silo's gateway (every silo of a cluster has the same city).</summary>
    public async Task<PointPool> FetchPointsAsync(ChildProcess silo, CancellationToken cancellationToken)
    {
        using var channel = BearerChannel.ForAddress(silo.Address, Access.Token);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(PointsTimeout);
        var pool = await PointPool.FetchAsync(channel, Options.Mode == LoadMode.Storm ? Options.Incidents : 0, new Random(Options.Seed), deadline.Token);
        Output.WriteLine($"points: {pool.Origin}");
        return pool;
    }
}
