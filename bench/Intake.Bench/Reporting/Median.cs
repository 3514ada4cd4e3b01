namespace Governance.Intake.Bench.Reporting;

/// <summary>The middle value, as the figures are recorded (the lower middle of an even count); NaN for none.</summary>
public static class Median
{
    public static double Of(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[(sorted.Count - 1) / 2];
    }
}
