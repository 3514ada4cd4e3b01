using Governance.City.Geometry;

namespace Governance.City.Tests.Geometry;

public class PlanarPolygonTests
{
    // A 100 × 100 square with a 40 × 40 hole in the middle; the hole winds the same way on purpose.
    private static readonly PlanarPolygon SquareWithHole = new(
    [
        [new(0, 0), new(100, 0), new(100, 100), new(0, 100)],
        [new(30, 30), new(70, 30), new(70, 70), new(30, 70)],
    ]);

    [Theory]
    [InlineData(10, 10, true)]
    [InlineData(90, 50, true)]
    [InlineData(50, 50, false)]
    [InlineData(35, 65, false)]
    [InlineData(-1, 50, false)]
    [InlineData(50, 101, false)]
    public void Contains_HonoursHoles(double x, double y, bool expected) =>
        Assert.Equal(expected, SquareWithHole.Contains(new PlanarPoint(x, y)));

    [Fact]
    public void Contains_ConcaveNotch_IsOutside()
    {
        // A U: the notch between the arms is outside.
        var u = new PlanarPolygon([[new(0, 0), new(30, 0), new(30, 80), new(70, 80), new(70, 0), new(100, 0), new(100, 100), new(0, 100)]]);

        Assert.False(u.Contains(new PlanarPoint(50, 40)));
        Assert.True(u.Contains(new PlanarPoint(15, 40)));
        Assert.True(u.Contains(new PlanarPoint(50, 90)));
    }

    [Fact]
    public void Area_SubtractsHolesWhicheverWayTheyWind()
    {
        Assert.Equal(10_000 - 1_600, SquareWithHole.Area, 9);
    }

    [Fact]
    public void Centroid_OfSymmetricShapeWithHole_IsItsCentre()
    {
        var c = SquareWithHole.Centroid;

        Assert.Equal(50, c.X, 9);
        Assert.Equal(50, c.Y, 9);
    }

    [Fact]
    public void Centroid_OfLShape_IsAreaWeighted()
    {
        // 2×1 bar (centroid 1, 0.5) plus a 1×1 block on top of its left end (centroid 0.5, 1.5).
        var l = new PlanarPolygon([[new(0, 0), new(2, 0), new(2, 1), new(1, 1), new(1, 2), new(0, 2)]]);

        Assert.Equal(((2 * 1.0) + 0.5) / 3, l.Centroid.X, 9);
        Assert.Equal(((2 * 0.5) + 1.5) / 3, l.Centroid.Y, 9);
    }
}
