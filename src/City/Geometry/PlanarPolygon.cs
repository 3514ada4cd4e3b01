namespace Governance.City.Geometry;

/// <summary>
/// A polygon in projected metres: the first ring is the outer boundary, further rings are holes inside it.
/// Rings are open and may wind either way.
/// </summary>
public sealed class PlanarPolygon
{
    public PlanarPolygon(IReadOnlyList<IReadOnlyList<PlanarPoint>> rings)
    {
        ArgumentNullException.ThrowIfNull(rings);
        if (rings.Count == 0 || rings.Any(r => r is null || r.Count < 3))
        {
            throw new ArgumentException("A polygon needs an outer ring, and every ring at least three vertices.", nameof(rings));
        }

        Rings = rings;
        Bounds = PlanarBox.Around(rings[0]);
    }

    /// <summary>The outer ring followed by the holes.</summary>
    public IReadOnlyList<IReadOnlyList<PlanarPoint>> Rings { get; }

    /// <summary>The bounding box of the outer ring.</summary>
    public PlanarBox Bounds { get; }

    /// <summary>Square metres inside the outer ring and outside every hole.</summary>
    public double Area
    {
        get
        {
            var area = Math.Abs(RingMath.SignedArea(Rings[0]));
            for (var i = 1; i < Rings.Count; i++)
            {
                area -= Math.Abs(RingMath.SignedArea(Rings[i]));
            }

            return area;
        }
    }

    /// <summary>The area-weighted centroid; for a concave shape it can lie outside.</summary>
    public PlanarPoint Centroid
    {
        get
        {
            double area = 0, mx = 0, my = 0;
            for (var i = 0; i < Rings.Count; i++)
            {
                var ringArea = RingMath.SignedArea(Rings[i]);
                var (x, y) = RingMath.SignedMoments(Rings[i]);

                // Outer ring counts positive and holes negative, whichever way each ring winds.
                var sign = (i == 0) == (ringArea >= 0) ? 1 : -1;
                area += sign * ringArea;
                mx += sign * x;
                my += sign * y;
            }

            return area == 0 ? Rings[0][0] : new PlanarPoint(mx / area, my / area);
        }
    }

    /// <summary>Even–odd containment over all rings, so a point in a hole is outside.</summary>
    public bool Contains(PlanarPoint point)
    {
        if (!Bounds.Contains(point))
        {
            return false;
        }

        var inside = false;
        foreach (var ring in Rings)
        {
            inside ^= RingMath.CrossesOddTimes(ring, point);
        }

        return inside;
    }

    /// <summary>Metres from the point to the nearest edge of any ring.</summary>
    public double DistanceToBoundary(PlanarPoint point) => Rings.Min(ring => RingMath.DistanceToBoundary(ring, point));

    /// <summary>This polygon ∩ <paramref name="box"/>, or null when nothing is left (see <see cref="BoxClipper"/>).</summary>
    public PlanarPolygon? ClipTo(PlanarBox box)
    {
        if (!Bounds.Intersects(box))
        {
            return null;
        }

        var outer = BoxClipper.ClipRing(Rings[0], box);
        if (outer.Count == 0)
        {
            return null;
        }

        var rings = new List<IReadOnlyList<PlanarPoint>>(Rings.Count) { outer };
        for (var i = 1; i < Rings.Count; i++)
        {
            var hole = BoxClipper.ClipRing(Rings[i], box);
            if (hole.Count > 0)
            {
                rings.Add(hole);
            }
        }

        return new PlanarPolygon(rings);
    }
}
