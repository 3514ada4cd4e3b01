using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Grpc.Core;

namespace Governance.Gateway.Tests.Risk;

/// <summary>
/// A storm warning over HTTP/2: every household of the area scored and ranked, each cell rated in its live state, a
/// visit case per flagged household naming the cell's grid worker and why; issued again, it opens nothing more.
/// </summary>
public sealed class StormWarningTests(RiskHostFixture fixture) : IClassFixture<RiskHostFixture>
{
    private static readonly StormForecast Downpour = new() { RainfallMm24H = 240, DurationHours = 5 };

    [Fact]
    public async Task AWarning_ScoresTheArea_RatesItsCells_AndOpensOneVisitCasePerFlaggedHousehold()
    {
        var risk = fixture.Risk;
        var model = ModelUploads.Train(seed: 31);
        var version = (await ModelUploads.RegisterAsync(risk, ModelUploads.UploadOf(model), model.Scorer.Save())).Version;
        await risk.PromoteModelAsync(new PromoteModelRequest { Version = version });
        var district = (await fixture.Host.Grid.ListAreasAsync(new ListAreasRequest())).Areas.First(a => a.Level == AreaLevel.District).Code;
        var cells = new List<string>();
        var page = new ListCellsResponse();
        do
        {
            page = await fixture.Host.Grid.ListCellsAsync(new ListCellsRequest { AreaCode = district, PageSize = 1000, PageToken = page.NextPageToken });
            cells.AddRange(page.Cells.Select(c => c.CellId));
        }
        while (page.NextPageToken.Length > 0);

        var households = new HouseholdService.HouseholdServiceClient(fixture.Host.Channel);
        var people = new ResidentService.ResidentServiceClient(fixture.Host.Channel);

        // A low threshold, so that the demo city's households are flagged in numbers.
        var request = new IssueStormWarningRequest { WarningId = "typhoon-07", Area = district, Forecast = Downpour, Threshold = 0.2, ListLimit = 1000 };
        var first = await risk.IssueStormWarningAsync(request);
        var busiest = first.Households.GroupBy(h => h.CellId).OrderByDescending(g => g.Count()).First().Key;
        await people.AssignGridWorkerAsync(new AssignGridWorkerRequest { CellId = busiest, WorkerId = "worker-typhoon" });
        var again = await risk.IssueStormWarningAsync(request);
        var inBusiest = (await households.SearchHouseholdsAsync(new SearchHouseholdsRequest { CellId = busiest, PageSize = 200 })).Households.Count;
        var cell = (await fixture.Host.Grid.GetCellAsync(new GetCellRequest { CellId = busiest })).Cell;
        var visit = (await fixture.Host.Cases.GetCaseAsync(new GetCaseRequest { CaseId = again.Households.First(h => h.CellId == busiest).CaseId })).Case;
        var capped = await risk.IssueStormWarningAsync(new IssueStormWarningRequest { WarningId = "typhoon-07-capped", Area = district, Forecast = Downpour, Threshold = 0.2, MaxCasesPerCell = 1 });

        Assert.Equal(version, first.ModelVersion);
        Assert.InRange(first.HouseholdsScored, 1_000, 30_000);
        Assert.InRange(first.CellsRated, 1, cells.Count);
        Assert.InRange(first.HouseholdsFlagged, 20, (int)first.HouseholdsScored - 1);
        Assert.Equal(first.HouseholdsFlagged, first.CasesOpened);
        Assert.Equal(first.Households.Select(h => h.Probability).OrderByDescending(p => p), first.Households.Select(h => h.Probability));
        Assert.All(first.Households, h => Assert.True(h.Probability >= 0.2 && cells.Contains(h.CellId) && h.CaseId.Length > 0 && h.Contributions.Count == 10));

        // Issued again: the same cases, nothing new; the cell's grid worker is named now.
        Assert.Equal(first.Households.Select(h => (h.HouseholdId, h.CaseId)), again.Households.Select(h => (h.HouseholdId, h.CaseId)));
        Assert.All(again.Households.Where(h => h.CellId == busiest), h => Assert.Equal("worker-typhoon", h.GridWorkerId));
        Assert.Equal(first.HouseholdsFlagged, again.CasesOpened);
        Assert.Equal(cell.FloodRisk.FlaggedHouseholds, cell.OpenCases.Count(c => c.Category == "storm.flood-visit"));

        Assert.Equal(("typhoon-07", version, inBusiest), (cell.FloodRisk.WarningId, cell.FloodRisk.ModelVersion, cell.FloodRisk.Households));
        Assert.True(cell.FloodRisk.Level >= FloodRiskLevel.High, $"the busiest cell is only {cell.FloodRisk.Level}");
        // The answer lists the likeliest 1,000 of the district's flagged households; the cell counts all of its own.
        Assert.InRange(first.Households.Count(h => h.CellId == busiest), 1, cell.FloodRisk.FlaggedHouseholds);
        Assert.Equal(Math.Min(1_000, first.HouseholdsFlagged), first.Households.Count);
        Assert.Contains(first.Cells, c => c.CellId == busiest && c.Level == cell.FloodRisk.Level);

        Assert.Equal("storm.flood-visit", visit.Category);
        Assert.Equal("flood-control", Governance.Grains.Routing.RoutingRules.Demo().Route(visit.Category));
        Assert.Contains("Storm warning typhoon-07: household", visit.Description, StringComparison.Ordinal);
        Assert.Contains("Visit by the cell's grid worker", visit.Description, StringComparison.Ordinal);
        Assert.Contains("Why: ", visit.Description, StringComparison.Ordinal);

        // One case in each cell with a flagged household; the likeliest of the cell's gets it.
        Assert.Equal(capped.Cells.Count(c => c.FlaggedHouseholds > 0), capped.CasesOpened);
        Assert.All(capped.Households.Where(h => h.CaseId.Length > 0).GroupBy(h => h.CellId), cell => Assert.Single(cell));
        Assert.True(capped.CasesOpened < capped.HouseholdsFlagged);
    }

    [Fact]
    public async Task OutcomesRecordedOnTheVisitCases_AreTheNextTrainingData()
    {
        var risk = fixture.Risk;
        var model = ModelUploads.Train(seed: 41);
        var version = (await ModelUploads.RegisterAsync(risk, ModelUploads.UploadOf(model), model.Scorer.Save())).Version;
        await risk.PromoteModelAsync(new PromoteModelRequest { Version = version });
        var community = (await fixture.Host.Grid.ListAreasAsync(new ListAreasRequest())).Areas.First(a => a.Level == AreaLevel.Community).Code;
        var warning = await risk.IssueStormWarningAsync(new IssueStormWarningRequest { WarningId = "outcomes-1", Area = community, Forecast = Downpour, Threshold = 0.05 });
        var (wet, dry) = (warning.Households[0], warning.Households[^1]);
        var otherCell = (await fixture.Host.Grid.ListCellsAsync(new ListCellsRequest { PageSize = 1000 })).Cells.First(c => c.CellId != wet.CellId).CellId;
        await new ResidentService.ResidentServiceClient(fixture.Host.Channel).AssignGridWorkerAsync(new AssignGridWorkerRequest { CellId = wet.CellId, WorkerId = "worker-wet" });
        await new ResidentService.ResidentServiceClient(fixture.Host.Channel).AssignGridWorkerAsync(new AssignGridWorkerRequest { CellId = otherCell, WorkerId = "worker-elsewhere" });
        using var ownWorker = fixture.Host.ChannelAs("worker-wet", "grid-worker");
        using var otherWorker = fixture.Host.ChannelAs("worker-elsewhere", "grid-worker");

        var recorded = await new RiskService.RiskServiceClient(ownWorker).RecordOutcomeAsync(new RecordOutcomeRequest { CaseId = wet.CaseId, Flooded = true });
        await risk.RecordOutcomeAsync(new RecordOutcomeRequest { CaseId = dry.CaseId, Flooded = true });
        await risk.RecordOutcomeAsync(new RecordOutcomeRequest { CaseId = dry.CaseId, Flooded = false });
        var refused = await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => new RiskService.RiskServiceClient(otherWorker).RecordOutcomeAsync(new RecordOutcomeRequest { CaseId = wet.CaseId, Flooded = false }).ResponseAsync);
        var notAVisit = await RpcAssert.FailsWith(StatusCode.NotFound, () => risk.RecordOutcomeAsync(new RecordOutcomeRequest { CaseId = "c0000000000000000", Flooded = true }).ResponseAsync);
        var rows = new List<TrainingRow>();
        using (var export = risk.ExportTrainingData(new ExportTrainingDataRequest { WarningId = "outcomes-1" }))
        {
            while (await export.ResponseStream.MoveNext(CancellationToken.None))
            {
                rows.Add(export.ResponseStream.Current);
            }
        }

        Assert.True(warning.Households.Count >= 2, $"only {warning.Households.Count} households flagged");
        Assert.Equal((wet.HouseholdId, "outcomes-1", true), (recorded.HouseholdId, recorded.WarningId, recorded.Flooded));
        Assert.Contains("worker-elsewhere (grid-worker) is not the grid worker of cell", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("is not a storm warning's visit", notAVisit.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(
            new[] { (wet.HouseholdId, true), (dry.HouseholdId, false) }.OrderBy(r => r.Item1, StringComparer.Ordinal),
            rows.Select(r => (r.HouseholdId, r.Flooded)).OrderBy(r => r.Item1, StringComparer.Ordinal));
        // The features are those the warning scored: its explanation carries the same values.
        var wetRow = rows.Single(r => r.HouseholdId == wet.HouseholdId);
        Assert.Equal(ModelRegistryTests.FeaturesOf(new HouseholdScore { Contributions = { wet.Contributions } }), wetRow.Features.ToArray());
    }

    [Fact]
    public async Task TopKPerCell_GivesEveryCellItsLikeliestHouseholds_AndTheLikeliestOfAllAreEvacuated()
    {
        var risk = fixture.Risk;
        var model = ModelUploads.Train(seed: 37);
        var version = (await ModelUploads.RegisterAsync(risk, ModelUploads.UploadOf(model), model.Scorer.Save())).Version;
        await risk.PromoteModelAsync(new PromoteModelRequest { Version = version });
        var community = (await fixture.Host.Grid.ListAreasAsync(new ListAreasRequest())).Areas.Where(a => a.Level == AreaLevel.Community).Skip(1).First().Code;
        var households = new HouseholdService.HouseholdServiceClient(fixture.Host.Channel);
        var cellIds = (await fixture.Host.Grid.ListCellsAsync(new ListCellsRequest { AreaCode = community, PageSize = 1000 })).Cells.Select(c => c.CellId).ToList();
        var byCell = new Dictionary<string, List<string>>();
        foreach (var cellId in cellIds)
        {
            byCell[cellId] = [.. (await households.SearchHouseholdsAsync(new SearchHouseholdsRequest { CellId = cellId, PageSize = 200 })).Households.Select(h => h.Profile.HouseholdId)];
        }

        // Every household's own score under the same storm: the cases must go to each cell's likeliest two.
        var all = byCell.Values.SelectMany(ids => ids).ToList();
        var scores = new Dictionary<string, double>();
        foreach (var chunk in all.Chunk(1000))
        {
            foreach (var score in (await risk.ScoreHouseholdsAsync(new ScoreHouseholdsRequest { HouseholdIds = { chunk }, Forecast = Downpour })).Scores)
            {
                scores[score.HouseholdId] = score.Probability;
            }
        }

        var evacuateFrom = scores.Values.Order().ElementAt(scores.Count * 97 / 100);
        var warning = await risk.IssueStormWarningAsync(new IssueStormWarningRequest
        {
            WarningId = "top-two", Area = community, Forecast = Downpour, TopPerCell = 2, EvacuateFrom = evacuateFrom, ListLimit = 1000,
        });
        var cases = new Dictionary<string, Case>();
        foreach (var household in warning.Households)
        {
            cases[household.HouseholdId] = (await fixture.Host.Cases.GetCaseAsync(new GetCaseRequest { CaseId = household.CaseId })).Case;
        }

        // Compared by probability, not id: two households alike in every feature tie.
        var expected = byCell.Where(c => c.Value.Count > 0).ToDictionary(c => c.Key, c => c.Value.Select(id => scores[id]).OrderDescending().Take(2).ToArray());
        Assert.Equal(all.Count, warning.HouseholdsScored);
        Assert.Equal(expected.Sum(c => c.Value.Length), warning.HouseholdsFlagged);
        Assert.Equal(warning.HouseholdsFlagged, warning.CasesOpened);
        Assert.Equal(warning.HouseholdsFlagged, warning.Households.Count);
        foreach (var (cellId, likeliest) in expected)
        {
            Assert.Equal(likeliest, warning.Households.Where(h => h.CellId == cellId).Select(h => scores[h.HouseholdId]).OrderDescending().ToArray());
        }

        // Chosen whatever their probability: some lie below the model's threshold.
        Assert.Contains(warning.Households, h => h.Probability < model.Metrics.Threshold);
        Assert.Contains(warning.Households, h => h.Probability >= evacuateFrom);
        Assert.Contains(warning.Households, h => h.Probability < evacuateFrom);
        Assert.All(warning.Households, h => Assert.Equal(
            h.Probability >= evacuateFrom ? ("storm.evacuation", true) : ("storm.flood-visit", false),
            (cases[h.HouseholdId].Category, cases[h.HouseholdId].Description.Contains("Evacuate the household", StringComparison.Ordinal))));
        Assert.Equal("flood-control", Governance.Grains.Routing.RoutingRules.Demo().Route("storm.evacuation"));

        var both = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => risk.IssueStormWarningAsync(new IssueStormWarningRequest
        {
            WarningId = "top-and-threshold", Area = community, Forecast = Downpour, TopPerCell = 2, Threshold = 0.3,
        }).ResponseAsync);
        Assert.Contains("top_per_cell: flags each cell's likeliest households instead of a threshold", both.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadWarning_IsRefusedFieldByField()
    {
        var risk = fixture.Risk;

        var fields = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => risk.IssueStormWarningAsync(new IssueStormWarningRequest
        {
            WarningId = "Typhoon 7",
            Forecast = new StormForecast { RainfallMm24H = 2000, DurationHours = 0 },
            Threshold = 1.5,
            MaxCasesPerCell = -1,
            ListLimit = 5000,
            TopPerCell = 1001,
            EvacuateFrom = 1.2,
        }).ResponseAsync);
        var unknownArea = await RpcAssert.FailsWith(StatusCode.NotFound,
            () => risk.IssueStormWarningAsync(new IssueStormWarningRequest { WarningId = "w", Area = "atlantis", Forecast = Downpour }).ResponseAsync);

        foreach (var field in new[] { "warning_id: may hold only a-z, 0-9 and '-'", "forecast.rainfall_mm_24h", "forecast.duration_hours", "threshold", "max_cases_per_cell", "list_limit", "top_per_cell", "evacuate_from" })
        {
            Assert.Contains(field, fields.Status.Detail, StringComparison.Ordinal);
        }

        Assert.Contains("has no area or cell 'atlantis'", unknownArea.Status.Detail, StringComparison.Ordinal);
    }
}
