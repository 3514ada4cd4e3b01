using System.ComponentModel.DataAnnotations;

namespace Governance.Grains.Evaluation;

/// <summary>How often evaluation tallies move up the roll-ups (configuration section "Evaluation").</summary>
public sealed class EvaluationOptions
{
    public const string Section = "Evaluation";

    /// <summary>
    /// Seconds a cell or roll-up waits after a change before it pushes its changed days up: each level adds up to this much
    /// delay. A cell waits a random time between half of it and all of it (<see cref="CellPushDelay"/>), so that cells
    /// changed together push apart.
    /// </summary>
    [Range(1, 3600)]
    public int PushSeconds { get; set; } = 30;

    /// <summary>
    /// How long a cell waits, given a <paramref name="random"/> number from [0, 1): between half the push interval and all
    /// of it. A storm's first cases open in every cell within a second, and cells pushing all at once held intake's acks
    /// (docs/benchmarks.md).
    /// </summary>
    public TimeSpan CellPushDelay(double random) => TimeSpan.FromSeconds(PushSeconds * (0.5 + (random / 2)));
}
