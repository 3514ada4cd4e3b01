using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.Risk.Features;
using Governance.Risk.Synthetic;
using Grpc.Core;

namespace Governance.Gateway.Tests.Risk;

/// <summary>
/// Made-up storms over the demo city's real households (RiskService.ExportTrainingData with synthetic_storms): every
/// household once a storm, its features as the platform computes them, its outcome drawn with the documented formula's
/// probability, the same rows for the same seed.
/// </summary>
public sealed class SyntheticStormTests(RiskHostFixture fixture) : IClassFixture<RiskHostFixture>
{
    [Fact]
    public async Task MadeUpStorms_LabelEveryHouseholdOfTheArea_WithTheFormulasProbability_Repeatably()
    {
        var risk = fixture.Risk;
        var district = (await fixture.Host.Grid.ListAreasAsync(new ListAreasRequest())).Areas.First(a => a.Level == AreaLevel.District).Code;

        var rows = await ExportAsync(risk, new ExportTrainingDataRequest { SyntheticStorms = 3, Seed = 11, Area = district });
        var again = await ExportAsync(risk, new ExportTrainingDataRequest { SyntheticStorms = 3, Seed = 11, Area = district });
        var otherSeed = await ExportAsync(risk, new ExportTrainingDataRequest { SyntheticStorms = 1, Seed = 12, Area = district });
        var households = rows.Where(r => r.WarningId == "synthetic-11-1").Select(r => r.HouseholdId).ToList();

        Assert.InRange(households.Count, 500, 30_000);
        Assert.Equal(households.Distinct().Count(), households.Count);
        Assert.Equal(3 * households.Count, rows.Count);
        Assert.All(new[] { 2, 3 }, storm => Assert.Equal(households, rows.Where(r => r.WarningId == $"synthetic-11-{storm}").Select(r => r.HouseholdId)));
        Assert.Equal(rows, again);
        Assert.NotEqual(rows.Take(households.Count).Select(r => r.Features[FloodFeatures.Rainfall]), otherSeed.Select(r => r.Features[FloodFeatures.Rainfall]));

        foreach (var storm in rows.GroupBy(r => r.WarningId))
        {
            // One storm: one rainfall, duration and drainage, in the documented ranges.
            var weather = storm.Select(r => (r.Features[FloodFeatures.Rainfall], r.Features[FloodFeatures.StormDuration], r.Features[FloodFeatures.Drainage])).Distinct().ToList();
            var (rainfall, hours, drainage) = Assert.Single(weather);
            Assert.True(rainfall is >= 40 and <= 260 && hours is >= 3 and <= 24 && drainage is >= 15 and <= 50, $"{storm.Key}: {rainfall} mm, {hours} h, {drainage} mm/h");
        }

        // The features are the platform's: the whole of each cell was read, so its lowest household stands at 0 above it.
        Assert.All(rows.Select(r => r.Features[FloodFeatures.ElevationAboveCellLowest]), height => Assert.True(height >= 0));
        Assert.Contains(rows, r => r.Features[FloodFeatures.ElevationAboveCellLowest] == 0);
        Assert.Contains(rows, r => r.Features[FloodFeatures.ElevationAboveCellLowest] > 1);
        Assert.Contains(rows, r => r.Features[FloodFeatures.Storey] > 1);

        // Each outcome was drawn with the formula's probability: that probability is the row's, and the floods add up to it.
        Assert.All(rows, r => Assert.Equal(SyntheticFloodData.TrueProbability([.. r.Features]), r.TrueProbability, 12));
        var expected = rows.Sum(r => r.TrueProbability);
        var spread = Math.Sqrt(rows.Sum(r => r.TrueProbability * (1 - r.TrueProbability)));
        Assert.InRange(rows.Count(r => r.Flooded), expected - (4 * spread) - 1, expected + (4 * spread) + 1);
        Assert.InRange(rows.Count(r => r.Flooded), 1, rows.Count - 1);
    }

    [Fact]
    public async Task ABadSyntheticExport_IsRefusedByField()
    {
        var risk = fixture.Risk;

        var tooMany = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => ExportAsync(risk, new ExportTrainingDataRequest { SyntheticStorms = 101 }));
        var withWarning = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => ExportAsync(risk, new ExportTrainingDataRequest { SyntheticStorms = 2, WarningId = "w-1" }));
        var strayArea = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => ExportAsync(risk, new ExportTrainingDataRequest { Area = "D01" }));
        var unknownArea = await RpcAssert.FailsWith(StatusCode.NotFound, () => ExportAsync(risk, new ExportTrainingDataRequest { SyntheticStorms = 1, Area = "atlantis" }));

        Assert.Contains("synthetic_storms: 101 must lie between 1 and 100", tooMany.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("synthetic_storms: made-up storms belong to no warning", withWarning.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("area: only chooses made-up storms", strayArea.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("has no area or cell 'atlantis'", unknownArea.Status.Detail, StringComparison.Ordinal);
    }

    private static async Task<List<TrainingRow>> ExportAsync(RiskService.RiskServiceClient risk, ExportTrainingDataRequest request)
    {
        using var call = risk.ExportTrainingData(request);
        var rows = new List<TrainingRow>();
        await foreach (var row in call.ResponseStream.ReadAllAsync())
        {
            rows.Add(row);
        }

        return rows;
    }
}
