using Governance.City.Geometry;

namespace Governance.City.Tests.Geometry;

public class GeoPolygonTests
{
    [Fact]
    public void Constructor_ClosedRing_DropsTheClosingVertex()
    {
        GeoPoint[] ring = [new(30.5, 114.3), new(30.5, 114.31), new(30.51, 114.31), new(30.5, 114.3)];

        var polygon = new GeoPolygon([ring]);

        Assert.Equal(ring[..3], polygon.Outer);
    }

    [Fact]
    public void Constructor_OpenRing_IsKeptAsGiven()
    {
        GeoPoint[] ring = [new(30.5, 114.3), new(30.5, 114.31), new(30.51, 114.31)];

        Assert.Same(ring, new GeoPolygon([ring]).Outer);
    }

    [Fact]
    public void Constructor_TooFewDistinctVertices_Throws()
    {
        Assert.Throws<ArgumentException>(() => new GeoPolygon([[new(30.5, 114.3), new(30.5, 114.31), new(30.5, 114.3)]]));
        Assert.Throws<ArgumentException>(() => new GeoPolygon([[new(30.5, 114.3), new(30.5, 114.31)]]));
    }
}
