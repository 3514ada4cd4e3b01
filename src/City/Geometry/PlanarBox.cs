namespace Governance.City.Geometry;

/// <summary>An axis-aligned rectangle in projected metres; a grid square is one.</summary>
public readonly record struct PlanarBox(double MinX, double MinY, double MaxX, double MaxY)
{
    public double Width => MaxX - MinX;

    public double Height => MaxY - MinY;

    /// <summary>True when the point is inside or on the edge.</summary>
    public bool Contains(PlanarPoint point) =>
        point.X >= MinX && point.X <= MaxX && point.Y >= MinY && point.Y <= MaxY;

    /// <summary>True when the boxes overlap or touch.</summary>
    public bool Intersects(PlanarBox other) =>
        other.MinX <= MaxX && other.MaxX >= MinX && other.MinY <= MaxY && other.MaxY >= MinY;

    /// <summary>The smallest box holding both.</summary>
    public PlanarBox Union(PlanarBox other) =>
        new(Math.Min(MinX, other.MinX), Math.Min(MinY, other.MinY), Math.Max(MaxX, other.MaxX), Math.Max(MaxY, other.MaxY));

    /// <summary>The smallest box holding every point; throws when there are none.</summary>
    public static PlanarBox Around(IEnumerable<PlanarPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity;
        double maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        foreach (var p in points)
        {
            minX = Math.Min(minX, p.X);
            minY = Math.Min(minY, p.Y);
            maxX = Math.Max(maxX, p.X);
            maxY = Math.Max(maxY, p.Y);
        }

        if (minX > maxX)
        {
            throw new ArgumentException("A box needs at least one point.", nameof(points));
        }

        return new PlanarBox(minX, minY, maxX, maxY);
    }
}
