using System.ComponentModel.DataAnnotations;

namespace Governance.Grains.Evaluation;

/// <summary>How often evaluation tallies move up the roll-ups (configuration section "Evaluation").</summary>
public sealed class EvaluationOptions
{
    public const string Section = "Evaluation";

    /// <summary>Seconds a cell or roll-up waits after a change before it pushes its changed days up: each level adds up to this much delay.</summary>
    [Range(1, 3600)]
    public int PushSeconds { get; set; } = 30;
}
