using System.Diagnostics;

namespace Governance.Intake.Bench.Load;

/// <summary>
/// When a phase sends and what it measures, in <see cref="Stopwatch"/> ticks: sending runs from
/// <see cref="Start"/> to <see cref="MeasureUntil"/>; acks arriving from <see cref="MeasureFrom"/> on are measured.
/// </summary>
public sealed record PhasePlan(long Start, long MeasureFrom, long MeasureUntil, double? RatePerStream, int Window, double Duplicates, TimeSpan DrainTimeout)
{
    public static PhasePlan StartingNow(double warmupSeconds, double seconds, double? ratePerStream, int window, double duplicates, TimeSpan drainTimeout)
    {
        var start = Stopwatch.GetTimestamp();
        var from = start + (long)(warmupSeconds * Stopwatch.Frequency);
        return new PhasePlan(start, from, from + (long)(seconds * Stopwatch.Frequency), ratePerStream, window, duplicates, drainTimeout);
    }

    /// <summary>Seconds measured.</summary>
    public double MeasuredSeconds => (double)(MeasureUntil - MeasureFrom) / Stopwatch.Frequency;

    /// <summary>Whole seconds from start to the end of sending, plus room for the drain.</summary>
    public int TimelineSeconds => (int)Math.Ceiling((double)(MeasureUntil - Start) / Stopwatch.Frequency) + (int)DrainTimeout.TotalSeconds + 2;
}
