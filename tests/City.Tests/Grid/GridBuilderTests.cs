using System.Text.RegularExpressions;
using Governance.City.Grid;
using Governance.City.Map;
using Governance.City.Tests.Support;

namespace Governance.City.Tests.Grid;

public partial class GridBuilderTests
{
    private readonly CityMap _map = TestCity.Build();

    [Theory]
    [InlineData("west")]
    [InlineData("east")]
    [InlineData("u-shape")]
    public void Build_CellAreasSumToTheAreaPolygonsArea_WithinHalfAPercent(string areaCode)
    {
        var boundary = _map.FindArea(areaCode)!.Boundary!;

        var cells = _map.CellsInArea(areaCode).Sum(c => c.AreaSquareMeters);

        // Against the map's own projection (the clipping is exact) and an independent one (projection error).
        Assert.Equal(_map.Projection.Project(boundary).Area, cells, _map.Projection.Project(boundary).Area * 1e-6);
        Assert.Equal(Metres.Plane.Project(boundary).Area, cells, Metres.Plane.Project(boundary).Area * 0.005);
    }

    [Fact]
    public void Build_SquareStraddlingTwoAreas_YieldsOneCellPerArea()
    {
        var shared = _map.Cells.GroupBy(c => (c.Column, c.Row)).Where(g => g.Count() > 1).ToList();

        Assert.NotEmpty(shared);
        Assert.All(shared, g =>
        {
            Assert.Equal(g.Count(), g.Select(c => c.AreaCode).Distinct().Count());
            Assert.True(g.Sum(c => c.AreaSquareMeters) <= (TestCity.CellSize * TestCity.CellSize) + 0.01);
        });
        Assert.Contains(shared, g => g.Any(c => c.AreaCode == "west") && g.Any(c => c.AreaCode == "east"));
    }

    [Fact]
    public void Build_CellCodes_AreAreaColumnRowAndSafeInGrainKeys()
    {
        Assert.All(_map.Cells, c =>
        {
            Assert.Equal($"{c.AreaCode}.{c.Column}.{c.Row}", c.Code);
            Assert.Matches(CellCodePattern(), c.Code);
        });
    }

    [Fact]
    public void Build_EveryCell_HasElevationAndRiverDistance()
    {
        Assert.All(_map.Cells, c =>
        {
            Assert.NotNull(c.ElevationMeters);
            Assert.InRange(c.DistanceToRiverMeters!.Value, 0, 500);
        });
    }

    [Fact]
    public void Build_SliverBelowOneSquareMetre_IsDropped()
    {
        // 5 cm of the area crosses into column 2, over 10 m: 0.5 m².
        var map = new GridBuilder { CellSizeMeters = 50 }.Build("sliver", [Metres.Area("strip", Metres.Rectangle(0, 0, 100.05, 10))]);

        Assert.DoesNotContain(map.Cells, c => c.Column == 2);
        Assert.Equal(2, map.Cells.Count);
    }

    [Theory]
    [InlineData(9.99)]
    [InlineData(5000.01)]
    [InlineData(double.NaN)]
    public void CellSize_OutsideTenToFiveThousandMetres_Throws(double size)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GridBuilder { CellSizeMeters = size });
    }

    [Fact]
    public void Build_LowestLevelAreaWithoutBoundary_Throws()
    {
        var areas = new[] { new Area("lonely", "Lonely", AreaLevel.Community, null, null) };

        var e = Assert.Throws<ArgumentException>(() => new GridBuilder().Build("x", areas));
        Assert.Contains("lonely", e.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*\\.[0-9]+\\.[0-9]+$")]
    private static partial Regex CellCodePattern();
}
