using Governance.City.Map;
using Governance.City.Tests.Support;

namespace Governance.City.Tests.Map;

public class CityMapJsonTests
{
    private readonly CityMap _map = TestCity.Build();

    [Fact]
    public void FromJson_OfToJson_GivesTheSameMap()
    {
        var json = _map.ToJson();

        var loaded = CityMap.FromJson(json);

        Assert.Equal(json, loaded.ToJson());
        Assert.Equal(_map.Name, loaded.Name);
        Assert.Equal(_map.CellSizeMeters, loaded.CellSizeMeters);
        Assert.Equal(_map.Origin, loaded.Origin);
        Assert.Equal(_map.Projection.ReferenceLatitude, loaded.Projection.ReferenceLatitude);
        Assert.Equal(_map.Areas.Select(a => (a.Code, a.Name, a.Level, a.ParentCode)), loaded.Areas.Select(a => (a.Code, a.Name, a.Level, a.ParentCode)));
        Assert.Equal(_map.Cells.Count, loaded.Cells.Count);
        for (var i = 0; i < _map.Cells.Count; i++)
        {
            var (a, b) = (_map.Cells[i], loaded.Cells[i]);
            Assert.Equal(
                (a.Code, a.AreaCode, a.Column, a.Row, a.Centroid, a.AreaSquareMeters, a.ElevationMeters, a.DistanceToRiverMeters),
                (b.Code, b.AreaCode, b.Column, b.Row, b.Centroid, b.AreaSquareMeters, b.ElevationMeters, b.DistanceToRiverMeters));
            Assert.Equal(
                a.Polygon.Polygons.SelectMany(p => p.Rings).SelectMany(r => r),
                b.Polygon.Polygons.SelectMany(p => p.Rings).SelectMany(r => r));
        }

        Assert.Equal(_map.Rivers.Single(), loaded.Rivers.Single());
    }

    [Fact]
    public void FromJson_LoadedMap_LocatesLikeTheOriginal()
    {
        var loaded = CityMap.FromJson(_map.ToJson());

        foreach (var cell in _map.Cells.Where(c => c.AreaSquareMeters == TestCity.CellSize * TestCity.CellSize))
        {
            Assert.Equal(cell.Code, loaded.Locate(cell.Centroid)?.Code);
        }
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"format\":99,\"name\":\"x\",\"cellSize\":100,\"origin\":[0,0],\"refLat\":0,\"areas\":[],\"rivers\":[],\"cells\":[]}")]
    [InlineData("{\"format\":1,\"name\":\"x\",\"cellSize\":100,\"origin\":[0,0],\"refLat\":0,\"areas\":[],\"rivers\":[],\"cells\":[{\"a\":\"nowhere\",\"x\":0,\"y\":0,\"o\":[0,0],\"m2\":1}]}")]
    [InlineData(MinimalCity + " 42")]
    public void FromJson_NotAStoredCity_ThrowsCityFormatException(string json)
    {
        Assert.Throws<CityFormatException>(() => CityMap.FromJson(json));
    }

    private const string MinimalCity =
        """{"format":1,"name":"x","cellSize":100,"origin":[30.5,114.3],"refLat":30.5,"areas":[{"c":"a","n":"A","l":"Community","b":[[[30.5,114.3,30.5,114.301,30.501,114.301]]]}],"rivers":[],"cells":[]}""";

    [Fact]
    public void FromJson_UnknownProperties_AreSkippedForForwardCompatibility()
    {
        var json = MinimalCity.Replace("\"rivers\"", "\"future\":{\"x\":[1,[2]]},\"rivers\"", StringComparison.Ordinal);

        var map = CityMap.FromJson(json);

        Assert.Equal("a", map.Areas.Single().Code);
    }

    [Fact]
    public void FromJson_NumericAreaLevel_IsRejected()
    {
        var e = Assert.Throws<CityFormatException>(() => CityMap.FromJson(MinimalCity.Replace("\"Community\"", "\"7\"", StringComparison.Ordinal)));

        Assert.Contains("'7' is not an area level", e.Message, StringComparison.Ordinal);
    }
}
