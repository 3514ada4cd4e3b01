namespace Governance.City.Geometry;

/// <summary>
/// A polygon in WGS84 degrees: the first ring is the outer boundary, any further rings are holes.
/// Rings are open: the first vertex is not repeated at the end. A ring given closed, GeoJSON-style, has its
/// closing vertex dropped here, so both forms are accepted and stored alike.
/// </summary>
public sealed class GeoPolygon
{
    public GeoPolygon(IReadOnlyList<IReadOnlyList<GeoPoint>> rings)
    {
        ArgumentNullException.ThrowIfNull(rings);
        if (rings.Count == 0)
        {
            throw new ArgumentException("A polygon needs an outer ring.", nameof(rings));
        }

        var anyClosed = false;
        foreach (var ring in rings)
        {
            if (ring is null || ring.Count - (IsClosed(ring) ? 1 : 0) < 3)
            {
                throw new ArgumentException("Every ring needs at least three vertices besides a closing one.", nameof(rings));
            }

            anyClosed |= IsClosed(ring);
        }

        // Copy only when needed: stored cities are open already and load many thousands of rings.
        Rings = anyClosed ? rings.Select(r => IsClosed(r) ? r.Take(r.Count - 1).ToArray() : r).ToArray() : rings;
    }

    /// <summary>The outer ring followed by the holes.</summary>
    public IReadOnlyList<IReadOnlyList<GeoPoint>> Rings { get; }

    public IReadOnlyList<GeoPoint> Outer => Rings[0];

    private static bool IsClosed(IReadOnlyList<GeoPoint> ring) => ring.Count > 1 && ring[0] == ring[^1];
}
