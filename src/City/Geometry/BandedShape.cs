namespace Governance.City.Geometry;

/// <summary>
/// A multipolygon whose edges are bucketed into horizontal bands, so an even–odd test looks only at the edges
/// that can cross the point's horizontal ray. Gives exactly the answers of <see cref="PlanarMultiPolygon.Contains"/>
/// for non-overlapping parts, but in time proportional to the outline within one band: an area with thousands
/// of vertices is tested in microseconds.
/// </summary>
internal sealed class BandedShape
{
    private readonly PlanarBox _bounds;
    private readonly double _bandHeight;
    private readonly int _firstBand;
    private readonly (PlanarPoint A, PlanarPoint B)[][] _bands;

    public BandedShape(PlanarMultiPolygon shape, double bandHeight)
    {
        _bounds = shape.Bounds;
        _bandHeight = bandHeight;
        _firstBand = BandOf(_bounds.MinY);
        var bands = new List<(PlanarPoint, PlanarPoint)>[BandOf(_bounds.MaxY) - _firstBand + 1];
        foreach (var ring in shape.Polygons.SelectMany(p => p.Rings))
        {
            for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
            {
                var a = ring[i];
                var b = ring[j];

                // Holes may poke outside the outer ring's box in bad data; clamp so they still land in a band.
                var low = Math.Max(BandOf(Math.Min(a.Y, b.Y)) - _firstBand, 0);
                var high = Math.Min(BandOf(Math.Max(a.Y, b.Y)) - _firstBand, bands.Length - 1);
                for (var k = low; k <= high; k++)
                {
                    (bands[k] ??= []).Add((a, b));
                }
            }
        }

        _bands = bands.Select(list => list?.ToArray() ?? []).ToArray();
    }

    public bool Contains(PlanarPoint p)
    {
        if (!_bounds.Contains(p))
        {
            return false;
        }

        var inside = false;
        foreach (var (a, b) in _bands[Math.Clamp(BandOf(p.Y) - _firstBand, 0, _bands.Length - 1)])
        {
            // Same test, operand for operand, as RingMath.CrossesOddTimes, so both agree to the last bit.
            if ((a.Y > p.Y) != (b.Y > p.Y)
                && p.X < ((b.X - a.X) * (p.Y - a.Y) / (b.Y - a.Y)) + a.X)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    private int BandOf(double y) => (int)Math.Floor(y / _bandHeight);
}
