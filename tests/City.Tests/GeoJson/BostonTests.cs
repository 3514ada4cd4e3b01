using Governance.City.GeoJson;
using Governance.City.Geometry;
using Governance.City.Map;
using Governance.City.Tests.Support;
using Governance.TestSupport;

namespace Governance.City.Tests.GeoJson;

/// <summary>The real Boston neighbourhoods file (26 areas, property "name").</summary>
public class BostonTests
{
    private static GeoJsonReadResult Load(double cellSize = 100) =>
        GeoJsonCityReader.Read(SharedData.BostonNeighborhoods, new GeoJsonCityOptions { CellSizeMeters = cellSize, CityName = "Boston" });

    [Fact]
    public void Read_Boston_Has26AreasAllGridded()
    {
        var (map, warnings) = Load();

        Assert.Equal(26, map.Areas.Count);
        Assert.Empty(warnings);
        Assert.InRange(map.Cells.Count, 10_000, 20_000);
        Assert.All(map.Areas, a => Assert.NotEmpty(map.CellsInArea(a.Code)));
        Assert.All(map.Areas, a =>
        {
            var polygonArea = map.Projection.Project(a.Boundary!).Area;
            Assert.Equal(polygonArea, map.CellsInArea(a.Code).Sum(c => c.AreaSquareMeters), polygonArea * 0.005);
        });
    }

    [Fact]
    public void Locate_PointInBackBay_ReturnsABackBayCellContainingIt()
    {
        var map = Load().Map;

        var cell = map.Locate(42.3503, -71.0810);

        Assert.NotNull(cell);
        Assert.Equal("back-bay", cell.AreaCode);
        Assert.Equal("Back Bay", map.FindArea(cell.AreaCode)!.Name);
        Assert.True(map.Projection.Project(cell.Polygon).Contains(map.Projection.Project(new GeoPoint(42.3503, -71.0810))));
    }

    [Theory]
    [InlineData(42.30, -70.90)] // Atlantic, east of the harbour islands
    [InlineData(42.36, -71.20)] // Newton, west of the city line
    public void Locate_PointOutsideBoston_ReturnsNull(double latitude, double longitude)
    {
        Assert.Null(Load().Map.Locate(latitude, longitude));
    }

    [Fact]
    public void FromJson_Boston25000Cells_RoundTripsExactly()
    {
        var map = Load(75).Map;
        var json = map.ToJson();

        var loaded = CityMap.FromJson(json);

        Assert.InRange(loaded.Cells.Count, 23_000, 30_000);
        Assert.Equal(json, loaded.ToJson());
    }
}
