namespace Governance.City.Geometry;

/// <summary>A line through projected points, such as a river's centre line.</summary>
public sealed class PlanarPolyline
{
    public PlanarPolyline(IReadOnlyList<PlanarPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 2)
        {
            throw new ArgumentException("A polyline needs at least two points.", nameof(points));
        }

        Points = points;
    }

    public IReadOnlyList<PlanarPoint> Points { get; }

    /// <summary>Metres from the point to the nearest point on any segment.</summary>
    public double DistanceTo(PlanarPoint point)
    {
        var best = double.PositiveInfinity;
        for (var i = 1; i < Points.Count; i++)
        {
            best = Math.Min(best, RingMath.DistanceToSegment(point, Points[i - 1], Points[i]));
        }

        return best;
    }
}
