namespace Governance.Contracts.Sensors;

/// <summary>
/// The sensor kinds and per-sensor thresholds (section "Sensors"), read by the gateway (which kinds exist) and
/// by the cells (when to raise an alarm). Shared by both, so it lives with the contracts.
/// </summary>
public sealed class SensorOptions
{
    public const string Section = "Sensors";

    /// <summary>Kinds by name, e.g. "water-level".</summary>
    public Dictionary<string, SensorKind> Kinds { get; set; } = new(StringComparer.Ordinal)
    {
        ["water-level"] = new() { Unit = "m", Threshold = 1.5, AlarmCategory = "flood.water-level-alarm" },
        ["rainfall"] = new() { Unit = "mm/h", Threshold = 50, AlarmCategory = "flood.rainfall-alarm" },
    };

    /// <summary>Thresholds of particular sensors that differ from their kind's (a gauge by a low underpass alarms earlier).</summary>
    public Dictionary<string, double> SensorThresholds { get; set; } = new(StringComparer.Ordinal);

    public double ThresholdOf(string sensorId, SensorKind kind) =>
        SensorThresholds.TryGetValue(sensorId, out var own) ? own : kind.Threshold;
}
