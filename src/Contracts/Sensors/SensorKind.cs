using System.ComponentModel.DataAnnotations;

namespace Governance.Contracts.Sensors;

/// <summary>A kind of sensor the city runs: its unit, the threshold that raises an alarm, and the alarm's category.</summary>
public sealed class SensorKind
{
    [Required]
    public string Unit { get; set; } = "";

    /// <summary>A reading at or above this raises an alarm.</summary>
    public double Threshold { get; set; }

    /// <summary>Category code of the alarm case.</summary>
    [Required]
    public string AlarmCategory { get; set; } = "";
}
