namespace Governance.City.Geometry;

/// <summary>One or more polygons in WGS84 degrees that together make one shape (an area, or a cell).</summary>
public sealed class GeoMultiPolygon
{
    public GeoMultiPolygon(IReadOnlyList<GeoPolygon> polygons)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        if (polygons.Count == 0)
        {
            throw new ArgumentException("A multipolygon needs at least one polygon.", nameof(polygons));
        }

        Polygons = polygons;
    }

    public IReadOnlyList<GeoPolygon> Polygons { get; }

    /// <summary>A shape made of one polygon with the given rings.</summary>
    public static GeoMultiPolygon FromRings(params IReadOnlyList<GeoPoint>[] rings) => new([new GeoPolygon(rings)]);
}
