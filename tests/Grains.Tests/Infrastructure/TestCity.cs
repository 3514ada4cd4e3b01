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

    private const double MetresPerDegreeLatitude = 111_320;

    /// <summary>The point <paramref name="metres"/> north of <paramref name="from"/>.</summary>
    public static GeoPoint North(GeoPoint from, double metres) => new(from.Latitude + (metres / MetresPerDegreeLatitude), from.Longitude);

    /// <summary>Degrees of longitude that make <paramref name="metres"/> east at <paramref name="latitude"/>.</summary>
    public static double DegreesEast(double metres, double latitude) => metres / (MetresPerDegreeLatitude * Math.Cos(latitude * Math.PI / 180));

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
