using Governance.Intake.Bench.Reporting;
using Governance.Intake.Bench.Targets;

namespace Governance.Intake.Bench.Load;

/// <summary>
/// Runs one phase of a run and records it: says what starts, gives the phase ids of its own, and turns a broken promise
/// into a failure of the run (with the server's last output if it died), so the other phases still run.
/// </summary>
public sealed class PhaseRunner(BenchOptions options, TextWriter output)
{
    private int _started;

    /// <summary>The run's id, in every external id it sends: new in every run.</summary>
    public string RunId { get; } = Guid.NewGuid().ToString("N")[..8];

    /// <summary>A phase with the run's options. <paramref name="rate"/> null: as fast as the window allows; else paced.</summary>
    public Task<PhaseResult?> RunAsync(RunSummary run, Target target, string phase, PointPool pool, double? rate, CancellationToken cancellationToken) =>
        RunAsync(run, target, phase, pool, rate, options, cancellationToken);

    /// <summary>A phase with options of its own (other timings or streams); null when it failed.</summary>
    public async Task<PhaseResult?> RunAsync(
        RunSummary run, Target target, string phase, PointPool pool, double? rate, BenchOptions shape, CancellationToken cancellationToken)
    {
        output.WriteLine();
        output.WriteLine(rate is null
            ? Format.Invariant($"{target.Name} · {phase}, max rate: {shape.WarmupSeconds:0.#} s warm-up + {shape.Seconds:0.#} s measured …")
            : Format.Invariant($"{target.Name} · {phase}, paced at {Format.Count(rate.Value)} reports/s: {shape.WarmupSeconds:0.#} s warm-up + {shape.Seconds:0.#} s measured …"));
        try
        {
            // Distinct external ids in every phase of every run: <run>-<target><phase number>-<stream>-<n>.
            // The number counts phases started, not recorded: two phases may run at once (a cluster's kill measurement).
            var prefix = $"bench-{RunId}-{target.Name[0]}{Interlocked.Increment(ref _started) - 1}";

            var seed = HashCode.Combine(shape.Seed, target.Name, phase);
            var result = await LoadPhase.RunAsync(phase, target, pool, shape, rate, prefix, seed, cancellationToken);
            lock (run.Phases)
            {
                run.Phases.Add(result);
            }

            return result;
        }
        catch (BenchFailedException ex)
        {
            var message = $"{target.Name} {phase}: {ex.Message}";
            foreach (var server in target.Servers.Where(s => s.HasExited))
            {
                message += $"\n  {server.Name} has exited; its last output ({server.LogPath}):\n{server.Tail}";
            }

            lock (run.Failures)
            {
                run.Failures.Add(message);
            }

            await Console.Error.WriteLineAsync($"FAILED: {message}");
            return null;
        }
    }
}
