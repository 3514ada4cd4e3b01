namespace Governance.Contracts.Sensors;

/// <summary>A sensor as its cell shows it: latest reading, threshold, alarm.</summary>
[GenerateSerializer, Immutable, Alias("SensorStatusInfo")]
public sealed record class SensorStatusInfo(
    [property: Id(0)] string SensorId,
    [property: Id(1)] string Kind,
    [property: Id(2)] double Value,
    [property: Id(3)] string Unit,
    [property: Id(4)] DateTimeOffset MeasuredAt,
    [property: Id(5)] double Threshold,
    [property: Id(6)] bool InAlarm,
    [property: Id(7)] string? AlarmCaseId);
