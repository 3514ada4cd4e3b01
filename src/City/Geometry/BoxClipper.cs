namespace Governance.City.Geometry;

/// <summary>
/// Sutherland–Hodgman clipping of a ring by an axis-aligned box. The box is the (convex) clip window, so the
/// subject ring may be concave.
/// </summary>
/// <remarks>
/// When the part of a concave ring inside the box falls apart into pieces, the output is still one ring: the
/// pieces are joined by zero-width bridges along the box edges. The bridges cancel out, so the area, centroid
/// and even–odd containment of the result are those of ring ∩ box; only a drawing shows them, as hairlines.
/// </remarks>
public static class BoxClipper
{
    private enum Edge
    {
        Left,
        Right,
        Bottom,
        Top,
    }

    /// <summary>The open ring of <paramref name="ring"/> ∩ <paramref name="box"/>, empty when nothing is left.</summary>
    public static IReadOnlyList<PlanarPoint> ClipRing(IReadOnlyList<PlanarPoint> ring, PlanarBox box)
    {
        ArgumentNullException.ThrowIfNull(ring);
        var current = new List<PlanarPoint>(ring);
        var next = new List<PlanarPoint>(ring.Count + 8);
        foreach (var edge in (ReadOnlySpan<Edge>)[Edge.Left, Edge.Right, Edge.Bottom, Edge.Top])
        {
            ClipAgainst(current, next, edge, box);
            (current, next) = (next, current);
            if (current.Count < 3)
            {
                return [];
            }
        }

        return RingCleaner.Clean(current);
    }

    private static void ClipAgainst(List<PlanarPoint> input, List<PlanarPoint> output, Edge edge, PlanarBox box)
    {
        output.Clear();
        if (input.Count == 0)
        {
            return;
        }

        var previous = input[^1];
        var previousInside = IsInside(previous, edge, box);
        foreach (var current in input)
        {
            var currentInside = IsInside(current, edge, box);
            if (currentInside != previousInside)
            {
                output.Add(Intersect(previous, current, edge, box));
            }

            if (currentInside)
            {
                output.Add(current);
            }

            previous = current;
            previousInside = currentInside;
        }
    }

    private static bool IsInside(PlanarPoint p, Edge edge, PlanarBox box) => edge switch
    {
        Edge.Left => p.X >= box.MinX,
        Edge.Right => p.X <= box.MaxX,
        Edge.Bottom => p.Y >= box.MinY,
        _ => p.Y <= box.MaxY,
    };

    private static PlanarPoint Intersect(PlanarPoint a, PlanarPoint b, Edge edge, PlanarBox box)
    {
        // The crossing coordinate is set exactly to the edge, so pieces of neighbouring squares share it bit for bit.
        switch (edge)
        {
            case Edge.Left:
            case Edge.Right:
                var x = edge == Edge.Left ? box.MinX : box.MaxX;
                return new PlanarPoint(x, a.Y + ((b.Y - a.Y) * (x - a.X) / (b.X - a.X)));
            default:
                var y = edge == Edge.Bottom ? box.MinY : box.MaxY;
                return new PlanarPoint(a.X + ((b.X - a.X) * (y - a.Y) / (b.Y - a.Y)), y);
        }
    }
}
