using System.Diagnostics;
using Governance.Intake.Bench.Reporting;
using Governance.Intake.Bench.Targets;

namespace Governance.Intake.Bench.Cluster;

/// <summary>
/// One kill -9 of a silo of three under light paced load, on a fresh database. Streams go through the two survivors'
/// gateways all along, and through the third's until it is killed: the third's streams stop sending a second before
/// and the kill waits for their last acks (so its journal holds acknowledged reports its cells may not have stored yet).
/// A long warm-up first, so every cell is active and the rate steady before the baseline. From the kill on, the
/// membership table and the journal owners are polled every 100 ms, and the survivors' streams' acks are counted per
/// tenth of a second.
/// </summary>
public static class KillRound
{
    private const double WarmupSeconds = 15;
    private const double BaselineSeconds = 10;
    private const double ObserveSeconds = 45;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan WatchLimit = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(20);

    public static async Task<KillResult> RunAsync(ClusterContext context, RunSummary run, int round, LivenessSetting liveness, CancellationToken cancellationToken)
    {
        var (options, output) = (context.Options, context.Output);
        var label = Format.Invariant($"kill{round}_{liveness.ToString().ToLowerInvariant()}");
        var database = context.DatabaseName(label);
        output.WriteLine();
        output.WriteLine(Format.Invariant($"=== kill round {round}, {liveness} liveness: 3 silos, database {database}"));
        var connectionString = await context.Postgres.CreateDatabaseAsync(database, cancellationToken);
        try
        {
            await using var cluster = await SiloCluster.StartAsync(context, 3, connectionString, liveness, label, cancellationToken);
            var pool = await context.FetchPointsAsync(cluster.Processes[0], cancellationToken);
            var doomed = cluster.Silos[2];
            var token = context.Access.Token;
            var survivors = Target.Cluster("cluster-3", cluster.Processes.Take(2).ToList(), token, context.Postgres.CpuSeconds);
            var doomedTarget = Target.Cluster($"{doomed.Journal} (killed)", [doomed.Process], token, context.Postgres.CpuSeconds);

            var survivorsShape = options.WithPhase(WarmupSeconds, BaselineSeconds + ObserveSeconds, options.Streams);
            var doomedShape = options.WithPhase(WarmupSeconds, BaselineSeconds - 1, Math.Max(1, options.Streams / 2));
            var killAt = Stopwatch.GetTimestamp() + (long)((WarmupSeconds + BaselineSeconds) * Stopwatch.Frequency);
            var load = context.Phases.RunAsync(run, survivors, Format.Invariant($"kill {round} {liveness.ToString().ToLowerInvariant()}"), pool, options.KillRate * 2 / 3, survivorsShape, cancellationToken);
            var before = context.Phases.RunAsync(run, doomedTarget, Format.Invariant($"before kill {round}"), pool, options.KillRate / 3, doomedShape, cancellationToken);
            var watch = KillAndWatchAsync(cluster, doomed, killAt, before, output, cancellationToken);
            await Task.WhenAll(load, before, watch);

            var (killedAt, dead, replayed) = await watch;
            var phase = await load;
            await cluster.StopAsync();
            if (phase is null)
            {
                return Failed(round, liveness, options.KillRate, dead, replayed, "the survivors' load failed (see above)");
            }

            ConsoleReport.WritePhase(output, phase, cluster.Processes);

            var (rejected, lastRejection) = AckRecovery.RejectionsAfterKill(phase, killedAt);
            return new KillResult
            {
                Round = round,
                Liveness = liveness,
                Rate = options.KillRate,
                DeadAfter = dead,
                AcksBackAfter = AckRecovery.SecondsAfterKill(phase, killedAt, BaselineSeconds, WarmupSeconds + BaselineSeconds + ObserveSeconds),
                JournalReplayedAfter = replayed,
                Rejected = rejected,
                LastRejectionAfter = lastRejection,
                LongestAckMs = phase.Latency.Max,
            };
        }
        catch (BenchFailedException ex)
        {
            run.Failures.Add($"kill round {round} ({liveness}): {ex.Message}");
            return Failed(round, liveness, options.KillRate, null, null, ex.Message);
        }
        finally
        {
            await context.Postgres.DropDatabaseAsync(database, CancellationToken.None);
        }
    }

    /// <summary>
    /// Kills the silo at <paramref name="killAt"/>, or once its own streams have their last acks if that is later (at most
    /// <see cref="DrainLimit"/> later), then polls until it is Dead and its journal replayed (seconds after the kill), or
    /// the watch limit passes.
    /// </summary>
    private static async Task<(long KilledAt, double? Dead, double? Replayed)> KillAndWatchAsync(
        SiloCluster cluster, ClusterSilo doomed, long killAt, Task ownStreams, TextWriter output, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, (double)(killAt - Stopwatch.GetTimestamp()) / Stopwatch.Frequency)), cancellationToken);
        var late = Stopwatch.GetTimestamp();
        await Task.WhenAny(ownStreams, Task.Delay(DrainLimit, cancellationToken));
        if (Stopwatch.GetElapsedTime(late) > TimeSpan.FromMilliseconds(100))
        {
            output.WriteLine(Format.Invariant($"  the kill waited {Stopwatch.GetElapsedTime(late).TotalSeconds:0.0} s for the last acks of {doomed.Journal}'s own streams"));
        }

        await doomed.Process.KillAsync();
        var killedAt = Stopwatch.GetTimestamp();
        output.WriteLine(Format.Invariant($"killed {doomed.Journal} (pid {doomed.Process.Pid}, kill -9) at {DateTime.UtcNow:HH:mm:ss.f} UTC"));
        double? dead = null, replayed = null;
        while ((dead is null || replayed is null) && Stopwatch.GetElapsedTime(killedAt) < WatchLimit)
        {
            await Task.Delay(PollInterval, cancellationToken);
            var after = Stopwatch.GetElapsedTime(killedAt).TotalSeconds;
            if (dead is null && await cluster.Membership.StatusAsync(doomed.SiloPort, cancellationToken) == Membership.Dead)
            {
                dead = after;
                output.WriteLine(Format.Invariant($"  {doomed.Journal} marked Dead in the membership table {after:0.0} s after the kill"));
            }

            if (replayed is null && !await cluster.Membership.HasJournalOwnerAsync(doomed.Journal, cancellationToken))
            {
                replayed = after;
                output.WriteLine(Format.Invariant($"  journal {doomed.Journal} replayed by a survivor (owner row gone) {after:0.0} s after the kill"));
            }
        }

        return (killedAt, dead, replayed);
    }

    private static KillResult Failed(int round, LivenessSetting liveness, double rate, double? dead, double? replayed, string why) => new()
    {
        Round = round,
        Liveness = liveness,
        Rate = rate,
        DeadAfter = dead,
        JournalReplayedAfter = replayed,
        Rejected = 0,
        LastRejectionAfter = 0,
        LongestAckMs = double.NaN,
        Failure = why,
    };
}
