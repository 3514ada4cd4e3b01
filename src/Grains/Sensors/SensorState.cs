namespace Governance.Grains.Sensors;

/// <summary>A sensor's latest reading and alarm, as its cell stores it.</summary>
public sealed class SensorState
{
    public string Kind { get; set; } = "";

    public double Value { get; set; }

    public DateTimeOffset MeasuredAt { get; set; }

    public bool InAlarm { get; set; }

    /// <summary>The case opened when the value last crossed the threshold.</summary>
    public string? AlarmCaseId { get; set; }
}
