namespace Governance.City.Geometry;

/// <summary>Formulas on a single open ring of projected points.</summary>
internal static class RingMath
{
    /// <summary>Shoelace area: positive when counter-clockwise.</summary>
    public static double SignedArea(IReadOnlyList<PlanarPoint> ring)
    {
        if (ring.Count < 3)
        {
            return 0;
        }

        // Relative to the first vertex: coordinates tens of kilometres from the origin would otherwise lose
        // digits in the products.
        var o = ring[0];
        var sum = 0.0;
        for (var i = 1; i < ring.Count - 1; i++)
        {
            var a = ring[i];
            var b = ring[i + 1];
            sum += ((a.X - o.X) * (b.Y - o.Y)) - ((b.X - o.X) * (a.Y - o.Y));
        }

        return sum / 2;
    }

    /// <summary>First moments of the ring (∫x dA, ∫y dA), signed like <see cref="SignedArea"/>.</summary>
    public static (double Mx, double My) SignedMoments(IReadOnlyList<PlanarPoint> ring)
    {
        var o = ring[0];
        double mx = 0, my = 0;
        for (var i = 1; i < ring.Count - 1; i++)
        {
            var ax = ring[i].X - o.X;
            var ay = ring[i].Y - o.Y;
            var bx = ring[i + 1].X - o.X;
            var by = ring[i + 1].Y - o.Y;
            var cross = (ax * by) - (bx * ay);
            mx += (ax + bx) * cross;
            my += (ay + by) * cross;
        }

        var area = SignedArea(ring);
        return ((mx / 6) + (o.X * area), (my / 6) + (o.Y * area));
    }

    /// <summary>Flips the even–odd parity for every ring edge crossed by a ray from the point towards +X.</summary>
    public static bool CrossesOddTimes(IReadOnlyList<PlanarPoint> ring, PlanarPoint p)
    {
        var inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            var a = ring[i];
            var b = ring[j];
            if ((a.Y > p.Y) != (b.Y > p.Y)
                && p.X < ((b.X - a.X) * (p.Y - a.Y) / (b.Y - a.Y)) + a.X)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    public static double DistanceToBoundary(IReadOnlyList<PlanarPoint> ring, PlanarPoint p)
    {
        var best = double.PositiveInfinity;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            best = Math.Min(best, DistanceToSegment(p, ring[j], ring[i]));
        }

        return best;
    }

    public static double DistanceToSegment(PlanarPoint p, PlanarPoint a, PlanarPoint b)
    {
        var dx = b.X - a.X;
        var dy = b.Y - a.Y;
        var lengthSquared = (dx * dx) + (dy * dy);
        var t = lengthSquared == 0 ? 0 : Math.Clamp((((p.X - a.X) * dx) + ((p.Y - a.Y) * dy)) / lengthSquared, 0, 1);
        var ex = a.X + (t * dx) - p.X;
        var ey = a.Y + (t * dy) - p.Y;
        return Math.Sqrt((ex * ex) + (ey * ey));
    }
}
