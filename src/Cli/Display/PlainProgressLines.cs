using System.Globalization;
using Governance.Cli.Replay;

namespace Governance.Cli.Display;

/// <summary>
/// Progress for a stderr that is a file or a pipe (CI logs, `2&gt; log`): a plain line now and then instead of a
/// redrawn bar, whose control codes would fill the log with one frame per redraw.
/// </summary>
public sealed class PlainProgressLines(TextWriter error, TimeSpan interval, TimeProvider time) : IProgressDisplay
{
    public async Task ShowAsync(ReplayTally tally, long? limit, Task replay)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(replay);
        while (true)
        {
            // Waiting on the replay ends the wait the moment it is done, however it ends; its outcome is the caller's.
            await Task.WhenAny(replay, Task.Delay(interval, time));
            if (replay.IsCompleted)
            {
                return;
            }

            var snapshot = tally.Snapshot();
            var estimate = ProgressEstimate.From(snapshot, limit);
            await error.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"replay: {estimate.Fraction:P0} {ProgressLine.Describe(snapshot, estimate)}"));
        }
    }
}
