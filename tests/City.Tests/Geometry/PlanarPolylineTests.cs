using Governance.City.Geometry;

namespace Governance.City.Tests.Geometry;

public class PlanarPolylineTests
{
    private static readonly PlanarPolyline Line = new([new(0, 0), new(100, 0), new(100, 100)]);

    [Theory]
    [InlineData(50, 30, 30)] // above the first segment: perpendicular distance
    [InlineData(-30, -40, 50)] // beyond the start: distance to the end point
    [InlineData(130, 50, 30)] // beside the second segment
    [InlineData(100, 0, 0)] // on the corner
    public void DistanceTo_IsToNearestSegmentPoint(double x, double y, double expected) =>
        Assert.Equal(expected, Line.DistanceTo(new PlanarPoint(x, y)), 9);
}
