using System.Collections.Immutable;

namespace Governance.Contracts.Residents;

/// <summary>A visit to a resident: what kind (one of their service needs, or another), what was seen and measured, by whom.</summary>
/// <param name="Kind">The service it gave, e.g. "health check"; a need of the same kind is served by it.</param>
/// <param name="Notes">What the visitor saw and did.</param>
/// <param name="Measurements">Readings taken, e.g. blood pressure.</param>
/// <param name="VisitedBy">Who made the visit.</param>
/// <param name="VisitedAt">When.</param>
[GenerateSerializer, Immutable, Alias("VisitRecord")]
public sealed record class VisitRecord(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Notes,
    [property: Id(2)] ImmutableArray<MeasurementInfo> Measurements,
    [property: Id(3)] string VisitedBy,
    [property: Id(4)] DateTimeOffset VisitedAt)
{
    /// <summary>How many visits a file keeps; older ones are dropped as new ones come.</summary>
    public const int Kept = 200;
}

/// <summary>One reading taken on a visit: "blood pressure" 128/84 mmHg.</summary>
[GenerateSerializer, Immutable, Alias("MeasurementInfo")]
public sealed record class MeasurementInfo([property: Id(0)] string Name, [property: Id(1)] string Value, [property: Id(2)] string Unit);
