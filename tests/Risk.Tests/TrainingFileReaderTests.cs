using Governance.Risk.Features;
using Governance.Risk.Training;

namespace Governance.Risk.Tests;

/// <summary>A training file is refused before training when a column is missing, a value is not of its type, or one class is all there is.</summary>
public sealed class TrainingFileReaderTests
{
    private static readonly string[] Header = [.. TrainingFileReader.Columns];

    [Fact]
    public void AGoodFile_IsRead_WithConstructionsCoded()
    {
        var result = Read(Row("h1", "brick-wood", "true"), Row("h2", "reinforced-concrete", "0"));

        Assert.Equal("", result.Refusal);
        var set = Assert.IsType<TrainingSet>(result.Set);
        Assert.Equal(["h1", "h2"], set.HouseholdIds);
        Assert.Equal([2f, 0f], set.Examples.Select(e => e.Features[FloodFeatures.Construction]));
        Assert.Equal([true, false], set.Examples.Select(e => e.Label));
        Assert.Equal(120f, set.Examples[0].Features[FloodFeatures.Rainfall]);
    }

    [Fact]
    public void MissingColumns_AreNamed()
    {
        var result = TrainingFileReader.Read(["household_id", "storey", "flooded"], []);

        Assert.Null(result.Set);
        Assert.StartsWith("the file lacks the columns elevation_above_cell_lowest_m, distance_to_river_m, construction,", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void BadValues_AreListedWithTheirLinesAndColumns()
    {
        var bad = Row("h2", "straw", "maybe");
        bad[Array.IndexOf(Header, "storey")] = "ground";
        var result = Read(Row("h1", "brick-wood", "true"), bad);

        Assert.Null(result.Set);
        Assert.Contains("3 bad values:", result.Refusal, StringComparison.Ordinal);
        Assert.Contains("line 3, storey: 'ground' is not a number", result.Refusal, StringComparison.Ordinal);
        Assert.Contains("line 3, construction: 'straw' is not one of reinforced-concrete, brick-concrete, brick-wood, earth-or-other", result.Refusal, StringComparison.Ordinal);
        Assert.Contains("line 3, flooded: 'maybe' is not true, false, 1 or 0", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void ASyntheticFile_KeepsItsTrueProbabilities_AndABadOneIsNamed()
    {
        string[] header = [.. Header, "true_probability"];
        var good = TrainingFileReader.Read(header, [(2, [.. Row("h1", "brick-wood", "true"), "0.75"]), (3, [.. Row("h2", "brick-wood", "false"), "0.125"])]);
        var bad = TrainingFileReader.Read(header, [(2, [.. Row("h1", "brick-wood", "true"), "1.5"]), (3, [.. Row("h2", "brick-wood", "false"), ""])]);
        var plain = Read(Row("h1", "brick-wood", "true"), Row("h2", "brick-wood", "false"));

        Assert.Equal([0.75, 0.125], good.Set!.TrueProbabilities);
        Assert.Null(plain.Set!.TrueProbabilities);
        Assert.Null(bad.Set);
        Assert.Contains("line 2, true_probability: '1.5' is not a probability between 0 and 1", bad.Refusal, StringComparison.Ordinal);
        Assert.Contains("line 3, true_probability: '' is not a probability between 0 and 1", bad.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void OneClassOnly_IsRefused()
    {
        var result = Read(Row("h1", "brick-wood", "false"), Row("h2", "brick-wood", "false"));

        Assert.Null(result.Set);
        Assert.Equal("all 2 rows are flooded=false: a classifier needs examples of both outcomes", result.Refusal);
    }

    private static TrainingFileResult Read(params string[][] rows) =>
        TrainingFileReader.Read(Header, rows.Select((fields, i) => ((long)i + 2, (IReadOnlyList<string>)fields)));

    private static string[] Row(string id, string construction, string flooded)
    {
        var values = new Dictionary<string, string>
        {
            ["household_id"] = id,
            ["elevation_above_cell_lowest_m"] = "1.5",
            ["distance_to_river_m"] = "320",
            ["storey"] = "1",
            ["construction"] = construction,
            ["dilapidated"] = "0",
            ["building_age_years"] = "35",
            ["past_flood_reports"] = "2",
            ["drainage_mm_per_h"] = "30",
            ["rainfall_mm_24h"] = "120",
            ["storm_hours"] = "6",
            ["flooded"] = flooded,
        };
        return [.. Header.Select(column => values[column])];
    }
}
