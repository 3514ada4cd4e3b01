using Governance.Cli.Replay;

namespace Governance.Cli.Display;

/// <summary>
/// How many rows are done of how many. The total is not known until the file is read (it is streamed, never
/// counted first), so it is estimated from the share of the file's bytes read so far, and exact once read.
/// </summary>
public readonly record struct ProgressEstimate(long Done, long Total)
{
    public double Fraction => Total > 0 ? Math.Clamp((double)Done / Total, 0, 1) : 0;

    public static ProgressEstimate From(ReplaySnapshot snapshot, long? limit)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var estimate = snapshot.FractionRead > 0 ? (long)Math.Round(snapshot.RowsRead / snapshot.FractionRead) : 0;
        var total = Math.Max(estimate, snapshot.RowsRead);
        if (limit is { } cap)
        {
            total = snapshot.FractionRead >= 1 ? snapshot.RowsRead : Math.Min(total, cap);
        }

        return new ProgressEstimate(snapshot.RowsDone, Math.Max(total, snapshot.RowsDone));
    }
}
