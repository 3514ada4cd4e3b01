using System.Diagnostics;
using Governance.Intake.Bench.Load;

namespace Governance.Intake.Bench.Cluster;

/// <summary>
/// When acks came back after a silo was killed, read from a phase's per-stream counts of acks that went through (not
/// rejections), in tenths of a second: each stream's rate before the kill, and the first moment after it from which
/// every stream's acks over the last second stay above half that rate until sending stops.
/// </summary>
public static class AckRecovery
{
    private const int TenthsPerSecond = 10;

    /// <summary>The seconds from the kill (<see cref="Stopwatch"/> ticks) to that moment; null if it did not come before sending stopped.</summary>
    /// <param name="phase">The phase that ran through the kill.</param>
    /// <param name="killedAt">When the silo was killed.</param>
    /// <param name="baselineSeconds">How long before the kill each stream's own rate is taken over.</param>
    /// <param name="sendingSeconds">How long after the start of the phase reports were sent.</param>
    public static double? SecondsAfterKill(PhaseResult phase, long killedAt, double baselineSeconds, double sendingSeconds)
    {
        var kill = (int)((killedAt - phase.Started) * TenthsPerSecond / Stopwatch.Frequency);
        var baselineTenths = (int)(baselineSeconds * TenthsPerSecond);
        var end = (int)(sendingSeconds * TenthsPerSecond);
        var halves = phase.AcceptedPerTenth.Select(s => Sum(s, kill - baselineTenths, kill) / baselineSeconds / 2).ToList();

        // Windows of one second ending at t (tenths t-10 … t-1), wholly after the kill; the last one with a stream below half.
        var lastLow = -1;
        for (var t = kill + TenthsPerSecond; t <= end; t++)
        {
            if (phase.AcceptedPerTenth.Where((stream, i) => Sum(stream, t - TenthsPerSecond, t) < halves[i]).Any())
            {
                lastLow = t;
            }
        }

        if (lastLow == end)
        {
            return null;
        }

        var recovered = lastLow < 0 ? kill + TenthsPerSecond : lastLow + 1;
        return (double)(recovered - kill) / TenthsPerSecond;
    }

    /// <summary>Rejected acks after the kill, and the seconds from the kill to the tenth of the last of them (0 when none).</summary>
    public static (long Count, double LastAfterSeconds) RejectionsAfterKill(PhaseResult phase, long killedAt)
    {
        var kill = (int)((killedAt - phase.Started) * TenthsPerSecond / Stopwatch.Frequency);
        var count = 0L;
        var last = kill;
        for (var t = Math.Max(0, kill); t < phase.RejectedPerTenth.Count; t++)
        {
            if (phase.RejectedPerTenth[t] > 0)
            {
                count += phase.RejectedPerTenth[t];
                last = t + 1;
            }
        }

        return (count, (double)(last - kill) / TenthsPerSecond);
    }

    private static double Sum(int[] tenths, int from, int until)
    {
        var sum = 0;
        for (var t = Math.Max(0, from); t < Math.Min(until, tenths.Length); t++)
        {
            sum += tenths[t];
        }

        return sum;
    }
}
