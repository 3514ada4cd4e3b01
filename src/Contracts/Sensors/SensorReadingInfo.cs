using Governance.Contracts.Common;

namespace Governance.Contracts.Sensors;

/// <summary>A validated sensor reading on its way to its cell.</summary>
[GenerateSerializer, Immutable, Alias("SensorReadingInfo")]
public sealed record class SensorReadingInfo(
    [property: Id(0)] string SensorId,
    [property: Id(1)] string Kind,
    [property: Id(2)] double Value,
    [property: Id(3)] DateTimeOffset MeasuredAt,
    [property: Id(4)] GeoLocation? Point);
