using System.Globalization;
using Governance.Intake.Bench.Load;
using Governance.Intake.Bench.Queries;
using Governance.Intake.Bench.Reporting;
using Governance.Intake.Bench.Targets;

namespace Governance.Intake.Bench.Cluster;

/// <summary>
/// One silo count: a fresh database, N silos, ReportStream at max rate and paced at half of it through all gateways
/// (streams in turn), then GetCase through all gateways for cases the load opened. The silos are stopped and the
/// database dropped at the end.
/// </summary>
public static class SiloCountRound
{
    private static readonly TimeSpan IdleWatchLimit = TimeSpan.FromSeconds(60);
    private const double QueryWarmupSeconds = 3;

    public static async Task RunAsync(ClusterContext context, RunSummary run, int count, CancellationToken cancellationToken)
    {
        var (options, output, phases) = (context.Options, context.Output, context.Phases);
        var database = context.DatabaseName(string.Create(CultureInfo.InvariantCulture, $"{count}_silos"));
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"=== {count} silo(s): database {database}"));
        var connectionString = await context.Postgres.CreateDatabaseAsync(database, cancellationToken);
        try
        {
            await using var cluster = await SiloCluster.StartAsync(
                context, count, connectionString, LivenessSetting.Default, string.Create(CultureInfo.InvariantCulture, $"{count}silos"), cancellationToken);
            var pool = await context.FetchPointsAsync(cluster.Processes[0], cancellationToken);
            var target = Target.Cluster(string.Create(CultureInfo.InvariantCulture, $"cluster-{count}"), cluster.Processes, context.Access.Token, context.Postgres.CpuSeconds);
            var pids = cluster.Processes.Select(p => p.Pid).ToList();
            var cases = new List<string>();
            var max = await phases.RunAsync(run, target, "max", pool, null, cancellationToken);
            if (max is not null)
            {
                max.BusyAfterSeconds = await LoadPhase.WaitForIdleAsync(pids, IdleWatchLimit, cancellationToken);
                ConsoleReport.WritePhase(output, max, cluster.Processes);
                cases.AddRange(max.CreatedCases);
                var rate = options.PacedRate ?? Math.Round(max.Rate / 2);
                if (options.Paced && rate >= 1)
                {
                    var paced = await phases.RunAsync(run, target, "paced", pool, rate, cancellationToken);
                    if (paced is not null)
                    {
                        paced.BusyAfterSeconds = await LoadPhase.WaitForIdleAsync(pids, IdleWatchLimit, cancellationToken);
                        ConsoleReport.WritePhase(output, paced, cluster.Processes);
                    }
                }
            }

            if (options.QuerySeconds > 0 && cases.Count > 0)
            {
                output.WriteLine();
                output.WriteLine(Format.Invariant(
                    $"{target.Name} · GetCase through {count} gateway(s), {options.Streams} callers: {QueryWarmupSeconds:0} s warm-up + {options.QuerySeconds:0.#} s measured …"));
                var reads = await CaseReads.RunAsync(target, cases, options.Streams, QueryWarmupSeconds, options.QuerySeconds, options.Seed, cancellationToken);
                run.Queries.Add(reads);
                ClusterConsoleReport.WriteQuery(output, reads);
            }

            await cluster.StopAsync();
        }
        finally
        {
            await context.Postgres.DropDatabaseAsync(database, CancellationToken.None);
        }
    }
}
