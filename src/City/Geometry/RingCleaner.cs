namespace Governance.City.Geometry;

/// <summary>Drops repeated and collinear vertices that clipping leaves behind.</summary>
internal static class RingCleaner
{
    // Twice the area of the triangle a vertex spans with its neighbours, in m²: below this it adds nothing.
    private const double Tolerance = 1e-6;

    /// <summary>The ring without duplicate, collinear or spike vertices; empty when fewer than three remain.</summary>
    public static IReadOnlyList<PlanarPoint> Clean(List<PlanarPoint> ring)
    {
        var changed = true;
        while (changed && ring.Count >= 3)
        {
            changed = false;
            for (var i = 0; i < ring.Count && ring.Count >= 3;)
            {
                var a = ring[(i + ring.Count - 1) % ring.Count];
                var b = ring[i];
                var c = ring[(i + 1) % ring.Count];
                var cross = ((b.X - a.X) * (c.Y - b.Y)) - ((b.Y - a.Y) * (c.X - b.X));
                if (b == a || Math.Abs(cross) <= Tolerance)
                {
                    // Removing a straight-through or a spike vertex keeps the enclosed area unchanged.
                    ring.RemoveAt(i);
                    changed = true;
                }
                else
                {
                    i++;
                }
            }
        }

        return ring.Count >= 3 ? ring.ToArray() : [];
    }
}
