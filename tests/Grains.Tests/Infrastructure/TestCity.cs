using Governance.City.Geometry;
using Governance.City.Grid;
using Governance.City.Map;

namespace Governance.Grains.Tests.Infrastructure;

/// <summary>A small city for grain tests: one district, two communities side by side, 100 m cells over gentle terrain.</summary>
public static class TestCity
{
    public const double South = 30.50;
    public const double West = 114.30;
    public const double Height = 0.009; // ~1 km
    public const double Width = 0.0104; // ~1 km at this latitude

    public static CityMap Build()
    {
        var middle = West + (Width / 2);
        Area[] areas =
        [
            new("tc", "Test district", AreaLevel.District, null, null),
            new("tc-west", "West community", AreaLevel.Community, "tc", Rectangle(West, middle)),
            new("tc-east", "East community", AreaLevel.Community, "tc", Rectangle(middle, West + Width)),
        ];
        var builder = new GridBuilder { CellSizeMeters = 100, Elevation = p => 20 + ((p.Latitude - South) * 1000) };
        return builder.Build("Test city", areas);
    }

    private static GeoMultiPolygon Rectangle(double west, double east) => GeoMultiPolygon.FromRings(
    [
        new GeoPoint(South, west),
        new GeoPoint(South, east),
        new GeoPoint(South + Height, east),
        new GeoPoint(South + Height, west),
        new GeoPoint(South, west),
    ]);
}
