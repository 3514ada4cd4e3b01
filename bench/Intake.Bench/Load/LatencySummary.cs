using System.Diagnostics;

namespace Governance.Intake.Bench.Load;

/// <summary>Send-to-ack latency percentiles, in milliseconds.</summary>
public sealed record LatencySummary(double P50, double P90, double P99, double P999, double Max)
{
    /// <summary>Nearest-rank percentiles of Stopwatch-tick samples.</summary>
    public static LatencySummary From(List<long> ticks)
    {
        if (ticks.Count == 0)
        {
            return new LatencySummary(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        ticks.Sort();
        double At(double q) => ticks[Math.Clamp((int)Math.Ceiling(q * ticks.Count) - 1, 0, ticks.Count - 1)] * 1000.0 / Stopwatch.Frequency;
        return new LatencySummary(At(0.50), At(0.90), At(0.99), At(0.999), At(1.0));
    }
}
