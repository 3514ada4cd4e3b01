using Governance.City.Geometry;
using Governance.City.Map;

namespace Governance.City.Demo;

/// <summary>What demo city to generate. The same options always give the same city.</summary>
public sealed class DemoCityOptions
{
    /// <summary>Everything random is drawn from this seed.</summary>
    public long Seed { get; init; } = 20261123;

    /// <summary>Side of a grid square in metres; at 100 m the city has about 2,800 cells.</summary>
    public double CellSizeMeters { get; init; } = CityMap.DefaultCellSizeMeters;

    /// <summary>Registered households, 1–1,000,000; residents come to about 2.6 per household.</summary>
    public int HouseholdCount { get; init; } = 24_000;

    public string CityName { get; init; } = "Jiangcheng demo city";

    /// <summary>The centre of the city, on the river. Near Wuhan by default.</summary>
    public GeoPoint Center { get; init; } = new(30.55, 114.30);

    /// <summary>"Today" for ages, birth dates and building years, fixed so the city does not age between runs.</summary>
    public DateOnly ReferenceDate { get; init; } = new(2026, 11, 23);
}
