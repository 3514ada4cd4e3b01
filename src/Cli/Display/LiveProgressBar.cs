using Governance.Cli.Replay;
using Spectre.Console;

namespace Governance.Cli.Display;

/// <summary>A progress bar redrawn in place on an interactive terminal (Spectre.Console).</summary>
public sealed class LiveProgressBar(IAnsiConsole console) : IProgressDisplay
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(200);

    public Task ShowAsync(ReplayTally tally, long? limit, Task replay)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(replay);
        return console.Progress()
            .AutoClear(false)
            .Columns(new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
            .StartAsync(async context =>
            {
                var bar = context.AddTask("replay", maxValue: 1);
                while (!replay.IsCompleted)
                {
                    Update(bar, tally, limit);
                    await Task.WhenAny(replay, Task.Delay(Refresh));
                }

                Update(bar, tally, limit);
                bar.StopTask();
            });
    }

    private static void Update(ProgressTask bar, ReplayTally tally, long? limit)
    {
        var snapshot = tally.Snapshot();
        var estimate = ProgressEstimate.From(snapshot, limit);
        bar.MaxValue = Math.Max(1, estimate.Total);
        bar.Value = estimate.Done;
        bar.Description = Markup.Escape(ProgressLine.Describe(snapshot, estimate));
    }
}
