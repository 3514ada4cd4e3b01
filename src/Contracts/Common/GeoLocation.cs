namespace Governance.Contracts.Common;

/// <summary>A WGS84 point as grains exchange it.</summary>
[GenerateSerializer, Immutable, Alias("GeoLocation")]
public sealed record class GeoLocation([property: Id(0)] double Latitude, [property: Id(1)] double Longitude);
