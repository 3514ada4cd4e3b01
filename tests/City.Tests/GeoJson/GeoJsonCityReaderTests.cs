using System.Text;
using Governance.City.GeoJson;
using Governance.City.Map;
using Governance.City.Tests.Support;
using Governance.TestSupport;

namespace Governance.City.Tests.GeoJson;

public class GeoJsonCityReaderTests
{
    // A 0.01° square near Wuhan (about 1 km across), closed as GeoJSON requires.
    private const string Square = "[[[114.30,30.50],[114.31,30.50],[114.31,30.51],[114.30,30.51],[114.30,30.50]]]";
    private const string Hole = "[[114.303,30.503],[114.306,30.503],[114.306,30.506],[114.303,30.506],[114.303,30.503]]";

    private static string Feature(string properties, string geometry) =>
        $$"""{"type":"Feature","properties":{{properties}},"geometry":{{geometry}}}""";

    private static string Polygon(string name, string coordinates = Square) =>
        Feature($$"""{"name":"{{name}}"}""", $$"""{"type":"Polygon","coordinates":{{coordinates}}}""");

    private static string Collection(params string[] features) =>
        $$"""{"type":"FeatureCollection","features":[{{string.Join(",", features)}}]}""";

    private static GeoJsonReadResult Read(string json, GeoJsonCityOptions? options = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return GeoJsonCityReader.Read(stream, options ?? new GeoJsonCityOptions());
    }

    public static TheoryData<string, int?, string> BadFiles => new()
    {
        { "this is not json", null, "not valid JSON" },
        { Polygon("a"), null, "not a GeoJSON FeatureCollection" },
        { """{"type":"FeatureCollection"}""", null, "no 'features' array" },
        { Collection(Polygon("a"), Feature("""{"other":"x"}""", $$"""{"type":"Polygon","coordinates":{{Square}}}""")), 1, "property 'name' is missing or empty" },
        { Collection(Polygon(" ")), 0, "property 'name' is missing or empty" },
        { Collection(Polygon("a"), Polygon("b"), Polygon("c", "[[[114.30,30.50],[114.31,95.0],[114.31,30.51],[114.30,30.50]]]")), 2, "out of range" },
        { Collection(Polygon("a", "[[[114.30,30.50],[114.31,30.50],[114.31,30.51],[114.30,30.51]]]")), 0, "ring 0 of polygon 0 is not closed" },
        { Collection(Polygon("a", "[[[114.30,30.50],[114.31,30.50],[114.30,30.50]]]")), 0, "at least 4 positions" },
        { Collection(Polygon("a", "[[[114.30,30.50],[114.31,\"x\"],[114.31,30.51],[114.30,30.50]]]")), 0, "not [longitude, latitude]" },
        { Collection(Polygon("a"), "42"), 1, "not a GeoJSON Feature" },
        { Collection(Feature("""{"name":"p"}""", """{"type":"Point","coordinates":[114.3,30.5]}""")), null, "no Polygon or MultiPolygon" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Read_BadInput_ThrowsCityFormatExceptionNamingFeatureAndReason(string json, int? featureIndex, string reason)
    {
        var e = Assert.Throws<CityFormatException>(() => Read(json));

        Assert.Equal(featureIndex, e.FeatureIndex);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
        if (featureIndex is { } index)
        {
            Assert.StartsWith($"Feature {index}: ", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_OtherGeometryTypes_AreSkippedWithAWarningEach()
    {
        var json = Collection(
            Polygon("Kept"),
            Feature("""{"name":"A point"}""", """{"type":"Point","coordinates":[114.3,30.5]}"""),
            Feature("""{"name":"A line"}""", """{"type":"LineString","coordinates":[[114.3,30.5],[114.4,30.6]]}"""),
            Feature("""{"name":"Nothing"}""", "null"));

        var result = Read(json);

        Assert.Equal(["kept"], result.Map.Areas.Select(a => a.Code));
        Assert.Equal(3, result.Warnings.Count);
        Assert.Contains(result.Warnings, w => w.StartsWith("Feature 1 ", StringComparison.Ordinal) && w.Contains("Point", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.StartsWith("Feature 3 ", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_PolygonWithHole_LeavesTheHoleOutOfTheGrid()
    {
        var map = Read(Collection(Polygon("Ring", $"[[{Square[2..^2]}],{Hole}]"))).Map;
        var shape = map.Projection.Project(map.Areas[0].Boundary!);

        Assert.Equal(2, shape.Polygons[0].Rings.Count);
        Assert.Null(map.Locate(30.5045, 114.3045));
        Assert.NotNull(map.Locate(30.501, 114.301));
        Assert.Equal(shape.Area, map.Cells.Sum(c => c.AreaSquareMeters), tolerance: 1.0);
    }

    [Fact]
    public void Read_CodesThatSlugifyAlike_AreMadeUnique_AndSameNameIsMerged()
    {
        var shifted = "[[[114.32,30.50],[114.33,30.50],[114.33,30.51],[114.32,30.51],[114.32,30.50]]]";
        var json = Collection(Polygon("North End"), Polygon("north-end", shifted), Polygon("North End", "[[[114.34,30.50],[114.35,30.50],[114.35,30.51],[114.34,30.51],[114.34,30.50]]]"));

        var result = Read(json);

        Assert.Equal(["north-end", "north-end-2"], result.Map.Areas.Select(a => a.Code));
        Assert.Equal(2, result.Map.Areas[0].Boundary!.Polygons.Count);
        Assert.Equal(2, result.Warnings.Count);
    }

    [Fact]
    public void Read_Options_ChooseCodeNameCellSizeAndCityName()
    {
        var json = Collection(Feature("""{"id":17,"label":"江汉区"}""", $$"""{"type":"Polygon","coordinates":{{Square}}}"""));

        var map = Read(json, new GeoJsonCityOptions { CodeProperty = "id", NameProperty = "label", CellSizeMeters = 250, CityName = "Test" }).Map;

        Assert.Equal("Test", map.Name);
        Assert.Equal(250, map.CellSizeMeters);
        Assert.Equal(("17", "江汉区", AreaLevel.Community), (map.Areas[0].Code, map.Areas[0].Name, map.Areas[0].Level));
    }

    [Fact]
    public void Read_Path_NamesTheCityAfterTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tiny-town-{Guid.NewGuid():N}.geojson");
        File.WriteAllText(path, Collection(Polygon("a")));
        try
        {
            Assert.StartsWith("tiny-town-", GeoJsonCityReader.Read(path, new GeoJsonCityOptions()).Map.Name, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_CellSizeOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Read(Collection(Polygon("a")), new GeoJsonCityOptions { CellSizeMeters = 5 }));
    }

    [Fact]
    public void SharedData_BostonFile_IsFound()
    {
        Assert.True(File.Exists(SharedData.BostonNeighborhoods));
    }
}
