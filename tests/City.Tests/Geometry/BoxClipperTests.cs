using Governance.City.Geometry;

namespace Governance.City.Tests.Geometry;

public class BoxClipperTests
{
    [Fact]
    public void ClipRing_BoxInsideRing_ReturnsTheBox()
    {
        var ring = BoxClipper.ClipRing([new(-10, -10), new(10, -10), new(10, 10), new(-10, 10)], new PlanarBox(0, 0, 5, 5));

        Assert.Equal(25, Math.Abs(new PlanarPolygon([ring]).Area), 9);
        Assert.Equal(4, ring.Count);
    }

    [Fact]
    public void ClipRing_DisjointBox_ReturnsEmpty()
    {
        Assert.Empty(BoxClipper.ClipRing([new(0, 0), new(1, 0), new(0, 1)], new PlanarBox(5, 5, 6, 6)));
    }

    [Fact]
    public void ClipTo_BoxCuttingBothArmsOfAU_KeepsBothArmsAndNotTheNotch()
    {
        var u = new PlanarPolygon([[new(0, 0), new(30, 0), new(30, 80), new(70, 80), new(70, 0), new(100, 0), new(100, 100), new(0, 100)]]);

        var piece = u.ClipTo(new PlanarBox(0, 20, 100, 60));

        Assert.NotNull(piece);
        Assert.Equal(2 * 30 * 40, piece.Area, 6);
        Assert.False(piece.Contains(new PlanarPoint(50, 40)));
        Assert.True(piece.Contains(new PlanarPoint(15, 40)));
        Assert.True(piece.Contains(new PlanarPoint(85, 40)));
    }

    [Fact]
    public void ClipTo_GridOfSquares_AreasSumToPolygonAreaWithHoleAndConcaveEdges()
    {
        // A star with a hole, cut into 7 m squares: every piece, summed, is the whole shape.
        var star = Enumerable.Range(0, 14)
            .Select(i => (Angle: i * Math.PI / 7, Radius: i % 2 == 0 ? 50.0 : 18.0))
            .Select(v => new PlanarPoint(v.Radius * Math.Cos(v.Angle), v.Radius * Math.Sin(v.Angle)))
            .ToArray();
        var polygon = new PlanarPolygon([star, [new(-5, -5), new(5, -5), new(5, 5), new(-5, 5)]]);

        var sum = 0.0;
        for (var x = -56.0; x < 56; x += 7)
        {
            for (var y = -56.0; y < 56; y += 7)
            {
                sum += polygon.ClipTo(new PlanarBox(x, y, x + 7, y + 7))?.Area ?? 0;
            }
        }

        Assert.Equal(polygon.Area, sum, polygon.Area * 1e-9);
    }
}
