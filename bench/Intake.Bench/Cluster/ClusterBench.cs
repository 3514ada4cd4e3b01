using Governance.Intake.Bench.Load;
using Governance.Intake.Bench.Postgres;
using Governance.Intake.Bench.Processes;
using Governance.Intake.Bench.Reporting;
using Governance.Intake.Bench.Setup;

namespace Governance.Intake.Bench.Cluster;

/// <summary>
/// Cluster mode: builds the silo, starts the bench's own PostgreSQL, then either runs each silo count of
/// <c>--silo-counts</c> (<see cref="SiloCountRound"/>) or, with <c>--kill-one</c>, the kill rounds (<see cref="KillRound"/>),
/// each on a fresh database of the same server, so the figures compare within one run.
/// </summary>
public sealed class ClusterBench(BenchOptions options, TextWriter output, PhaseRunner phases, string? repository)
{
    public async Task RunAsync(RunSummary run, string temp, CancellationToken cancellationToken)
    {
        var siloDll = await SiloBuild.PrepareAsync(options, repository, temp, run, output, cancellationToken);
        if (siloDll is null)
        {
            return;
        }

        var access = await SiloToken.IssueAsync(siloDll, cancellationToken);
        var binaries = PostgresBinaries.Find(options.PostgresBin);
        output.WriteLine();
        output.WriteLine($"starting PostgreSQL from {binaries}");
        await using var postgres = await PostgresServer.StartAsync(binaries, options.PostgresFsync, cancellationToken);
        output.WriteLine(Format.Invariant($"PostgreSQL ready on port {postgres.Port} (postmaster pid {postgres.Pid}): {postgres.Description}"));
        run.Notes.Add($"PostgreSQL: {postgres.Description}");
        var context = new ClusterContext(options, output, phases, siloDll, access, postgres, temp);
        if (options.KillOne)
        {
            await RunKillsAsync(context, run, cancellationToken);
            return;
        }

        foreach (var count in options.SiloCounts)
        {
            try
            {
                await SiloCountRound.RunAsync(context, run, count, cancellationToken);
            }
            catch (BenchFailedException ex)
            {
                run.Failures.Add($"{count} silo(s): {ex.Message}");
                await Console.Error.WriteLineAsync($"FAILED: {count} silo(s): {ex.Message}");
            }
        }
    }

    private async Task RunKillsAsync(ClusterContext context, RunSummary run, CancellationToken cancellationToken)
    {
        for (var round = 1; round <= options.KillRounds; round++)
        {
            foreach (var liveness in SettingsFor(round))
            {
                var result = await KillRound.RunAsync(context, run, round, liveness, cancellationToken);
                run.Kills.Add(result);
                ClusterConsoleReport.WriteKill(output, result);
            }
        }
    }

    // With both, each round runs both settings, the one that went first last round going second.
    private IEnumerable<LivenessSetting> SettingsFor(int round) => options.Liveness switch
    {
        LivenessChoice.Default => [LivenessSetting.Default],
        LivenessChoice.Fast => [LivenessSetting.Fast],
        _ => round % 2 == 1 ? [LivenessSetting.Default, LivenessSetting.Fast] : [LivenessSetting.Fast, LivenessSetting.Default],
    };
}
