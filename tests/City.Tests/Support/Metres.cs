using Governance.City.Geometry;
using Governance.City.Map;

namespace Governance.City.Tests.Support;

/// <summary>Test shapes written in metres east/north of a point in Wuhan, turned into WGS84.</summary>
internal static class Metres
{
    public static LocalProjection Plane { get; } = new(new GeoPoint(30.5, 114.3), 30.5);

    public static GeoPoint Point(double x, double y) => Plane.Unproject(new PlanarPoint(x, y)).Round();

    public static IReadOnlyList<GeoPoint> Ring(params (double X, double Y)[] points) => points.Select(p => Point(p.X, p.Y)).ToArray();

    public static IReadOnlyList<GeoPoint> Rectangle(double minX, double minY, double maxX, double maxY) =>
        Ring((minX, minY), (maxX, minY), (maxX, maxY), (minX, maxY));

    public static Area Area(string code, params IReadOnlyList<GeoPoint>[] rings) =>
        new(code, code, AreaLevel.Community, null, GeoMultiPolygon.FromRings(rings));
}
