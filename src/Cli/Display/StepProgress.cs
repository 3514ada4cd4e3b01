using System.Diagnostics;
using System.Globalization;
using Governance.Cli.CommandLine;
using Spectre.Console;

namespace Governance.Cli.Display;

/// <summary>
/// The long steps of an analyst's verb (reading a file, training, receiving rows): on an interactive terminal a bar per
/// step on stderr, filled as the step reports how far it is (or pulsing when it cannot tell); otherwise one line per
/// step on stdout with the time since the start, as a log wants them.
/// </summary>
public sealed class StepProgress
{
    private readonly CliConsole _console;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly List<StepBar> _steps = [];
    private ProgressContext? _bars;

    private StepProgress(CliConsole console) => _console = console;

    /// <summary>Runs <paramref name="work"/> with its steps shown.</summary>
    public static async Task<T> RunAsync<T>(CliConsole console, Func<StepProgress, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        var steps = new StepProgress(console);
        if (!console.ErrorIsTerminal)
        {
            return await work(steps);
        }

        return await console.RichError().Progress()
            .AutoClear(false)
            .Columns(new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
            .StartAsync(async context =>
            {
                steps._bars = context;
                var result = await work(steps);
                // The work is over: a step it never ended (the last one a trainer named) is done too.
                foreach (var bar in steps._steps)
                {
                    bar.Done();
                }

                return result;
            });
    }

    /// <summary>A step begins; <paramref name="total"/> is how much of it there is to do, if known.</summary>
    public StepBar Begin(string description, double? total = null)
    {
        if (_bars is null)
        {
            _console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{Stopwatch.GetElapsedTime(_started).TotalSeconds,6:0.0} s] {description}"));
            return new StepBar(null);
        }

        var bar = _bars.AddTask(Markup.Escape(description), maxValue: total ?? 1);
        bar.IsIndeterminate = total is null;
        var step = new StepBar(bar);
        _steps.Add(step);
        return step;
    }

    /// <summary>Steps named by the messages of work that reports them (a trainer's): each message ends the step before it.</summary>
    public IProgress<string> FromMessages() => new MessageSteps(this);

    /// <summary>One step's bar (none off a terminal).</summary>
    public sealed class StepBar(ProgressTask? bar) : IProgress<double>
    {
        /// <summary>How much of the step is done, in the units of its total.</summary>
        public void Report(double value)
        {
            if (bar is not null)
            {
                bar.Value = value;
            }
        }

        public void Done()
        {
            if (bar is not null)
            {
                bar.IsIndeterminate = false;
                bar.Value = bar.MaxValue;
                bar.StopTask();
            }
        }
    }

    private sealed class MessageSteps(StepProgress steps) : IProgress<string>
    {
        private StepBar? _current;

        public void Report(string value)
        {
            _current?.Done();
            _current = steps.Begin(value);
        }
    }
}
