namespace Governance.City.Geometry;

/// <summary>Polygons in projected metres that together make one shape; they are assumed not to overlap.</summary>
public sealed class PlanarMultiPolygon
{
    public PlanarMultiPolygon(IReadOnlyList<PlanarPolygon> polygons)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        if (polygons.Count == 0)
        {
            throw new ArgumentException("A multipolygon needs at least one polygon.", nameof(polygons));
        }

        Polygons = polygons;
        Bounds = polygons.Skip(1).Aggregate(polygons[0].Bounds, (box, p) => box.Union(p.Bounds));
    }

    public IReadOnlyList<PlanarPolygon> Polygons { get; }

    public PlanarBox Bounds { get; }

    public double Area => Polygons.Sum(p => p.Area);

    /// <summary>The area-weighted centroid of all parts; it can lie outside the shape.</summary>
    public PlanarPoint Centroid
    {
        get
        {
            double area = 0, x = 0, y = 0;
            foreach (var polygon in Polygons)
            {
                var a = polygon.Area;
                var c = polygon.Centroid;
                area += a;
                x += a * c.X;
                y += a * c.Y;
            }

            return area > 0 ? new PlanarPoint(x / area, y / area) : Polygons[0].Centroid;
        }
    }

    public bool Contains(PlanarPoint point)
    {
        if (!Bounds.Contains(point))
        {
            return false;
        }

        foreach (var polygon in Polygons)
        {
            if (polygon.Contains(point))
            {
                return true;
            }
        }

        return false;
    }

    public double DistanceToBoundary(PlanarPoint point) => Polygons.Min(p => p.DistanceToBoundary(point));

    /// <summary>This shape ∩ <paramref name="box"/>, or null when nothing is left.</summary>
    public PlanarMultiPolygon? ClipTo(PlanarBox box)
    {
        if (!Bounds.Intersects(box))
        {
            return null;
        }

        List<PlanarPolygon>? parts = null;
        foreach (var polygon in Polygons)
        {
            if (polygon.ClipTo(box) is { } part)
            {
                (parts ??= []).Add(part);
            }
        }

        return parts is null ? null : new PlanarMultiPolygon(parts);
    }
}
