using Governance.City.Geometry;
using Governance.City.Map;
using Governance.City.Tests.Support;

namespace Governance.City.Tests.Map;

public class CityMapTests
{
    private readonly CityMap _map = TestCity.Build();

    [Fact]
    public void Locate_AnyPoint_ReturnsTheCellContainingIt_OrNullOutsideEveryArea()
    {
        var leaves = _map.Areas.Where(a => a.Boundary is not null).ToDictionary(a => a.Code, a => _map.Projection.Project(a.Boundary!));
        var located = 0;
        for (var x = -20.5; x < 820; x += 7.3)
        {
            for (var y = -20.5; y < 320; y += 6.1)
            {
                var point = Metres.Point(x, y);
                var p = _map.Projection.Project(point);

                var cell = _map.Locate(point.Latitude, point.Longitude);

                if (cell is null)
                {
                    Assert.DoesNotContain(leaves.Values, shape => shape.Contains(p));
                    continue;
                }

                // Points on an edge (the sweep hits some exactly) may go to either side, within Locate's 1 cm.
                located++;
                var area = leaves[cell.AreaCode];
                var piece = _map.Projection.Project(cell.Polygon);
                Assert.True(area.Contains(p) || area.DistanceToBoundary(p) <= 0.01, $"{point} is not in area {cell.AreaCode}");
                Assert.True(piece.Contains(p) || piece.DistanceToBoundary(p) <= 0.01, $"{point} is not in cell {cell.Code}");
            }
        }

        Assert.True(located > 1000, $"only {located} points located");
    }

    [Theory]
    [InlineData(285, 140)] // in the hole of "east"
    [InlineData(650, 100)] // in the notch of the U
    [InlineData(450, 150)] // between the areas
    [InlineData(-5000, 150)] // far west
    public void Locate_OutsideEveryArea_ReturnsNull(double x, double y)
    {
        var point = Metres.Point(x, y);

        Assert.Null(_map.Locate(point));
    }

    [Theory]
    [InlineData(double.NaN, 114.3)]
    [InlineData(95, 114.3)]
    [InlineData(30.5, 190)]
    public void Locate_InvalidCoordinates_ReturnsNull(double latitude, double longitude)
    {
        Assert.Null(_map.Locate(latitude, longitude));
    }

    [Fact]
    public void Locate_PointsEitherSideOfAnEdgeInOneSquare_GoToTheirOwnArea()
    {
        var westOfEdge = _map.Locate(Metres.Point(148, 150));
        var eastOfEdge = _map.Locate(Metres.Point(152, 150));

        Assert.NotNull(westOfEdge);
        Assert.NotNull(eastOfEdge);
        Assert.Equal((westOfEdge.Column, westOfEdge.Row), (eastOfEdge.Column, eastOfEdge.Row));
        Assert.Equal("west", westOfEdge.AreaCode);
        Assert.Equal("east", eastOfEdge.AreaCode);
    }

    [Fact]
    public void TryGetCell_KnownCode_ReturnsTheCell_UnknownReturnsFalse()
    {
        var any = _map.Cells[10];

        Assert.True(_map.TryGetCell(any.Code, out var found));
        Assert.Same(any, found);
        Assert.False(_map.TryGetCell("west.999.999", out _));
    }

    [Fact]
    public void CellsInArea_Street_HoldsItsCommunitiesCellsOrderedByCode()
    {
        var street = _map.CellsInArea("s1");

        Assert.Equal(_map.CellsInArea("west").Count + _map.CellsInArea("east").Count, street.Count);
        Assert.Equal(street.Select(c => c.Code).Order(StringComparer.Ordinal), street.Select(c => c.Code));
        Assert.Equal(_map.Cells.Count, _map.CellsInArea("d1").Count);
        Assert.All(_map.CellsInArea("u-shape"), c => Assert.Equal("u-shape", c.AreaCode));
    }

    [Fact]
    public void CellsInArea_UnknownArea_IsEmpty()
    {
        Assert.Empty(_map.CellsInArea("nowhere"));
    }

    [Fact]
    public void PlaceChain_OfACell_RunsUpItsAreas_AndIsWithin_FollowsIt()
    {
        var cell = _map.CellsInArea("east")[0].Code;

        Assert.Equal([cell, "east", "s1", "d1"], _map.PlaceChain(cell));
        Assert.Equal(["s2", "d1"], _map.PlaceChain("s2"));
        Assert.Empty(_map.PlaceChain("nowhere"));
        Assert.True(_map.IsWithin(cell, "s1"));
        Assert.True(_map.IsWithin(cell, cell));
        Assert.True(_map.IsWithin("east", ""));
        Assert.False(_map.IsWithin(cell, "s2"));
        Assert.False(_map.IsWithin("s1", "east"));
    }

    [Fact]
    public void GetAreaChain_Community_ReturnsCommunityStreetDistrict()
    {
        Assert.Equal(["east", "s1", "d1"], _map.GetAreaChain("east").Select(a => a.Code));
        Assert.Empty(_map.GetAreaChain("nowhere"));
        Assert.Equal(["s1", "s2"], _map.ChildrenOf("d1").Select(a => a.Code));
    }

    [Fact]
    public void FindArea_KnownAndUnknown()
    {
        Assert.Equal(AreaLevel.Street, _map.FindArea("s2")?.Level);
        Assert.Null(_map.FindArea("nowhere"));
    }

    [Fact]
    public void DistanceToRiverMeters_PointOnTheRiverLine_IsZero()
    {
        Assert.Equal(0, _map.DistanceToRiverMeters(TestCity.River[0])!.Value, 6);
    }

    [Fact]
    public void Constructor_DuplicateAreaCodes_Throws()
    {
        Area[] areas = [.. TestCity.Areas, TestCity.Areas[^1]];

        Assert.Throws<ArgumentException>(() => new CityMap("x", 40, _map.Projection, areas, []));
    }

    [Fact]
    public void Constructor_CellInAParentArea_Throws()
    {
        var cell = _map.Cells[0] with { AreaCode = "s1", Code = $"s1.{_map.Cells[0].Column}.{_map.Cells[0].Row}" };

        Assert.Throws<ArgumentException>(() => new CityMap("x", 40, _map.Projection, TestCity.Areas, [cell]));
    }

    [Fact]
    public void Origin_IsTheSouthWestCornerOfTheAreas()
    {
        Assert.Equal(Metres.Point(0, 0), _map.Origin);
        Assert.Equal(new GeoPoint(_map.Origin.Latitude, _map.Origin.Longitude), _map.Projection.Unproject(new PlanarPoint(0, 0)));
    }
}
