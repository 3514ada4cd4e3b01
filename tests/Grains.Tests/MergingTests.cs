using Governance.City.Geometry;
using Governance.City.Map;
using Governance.Contracts;
using Governance.Contracts.Cases;
using Governance.Contracts.Cells;
using Governance.Contracts.Common;
using Governance.Contracts.Merging;
using Governance.Grains.Merging;
using Governance.Grains.Tests.Infrastructure;

namespace Governance.Grains.Tests;

/// <summary>Duplicate reports of one matter merge into its open case, also across a cell boundary.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class MergingTests(GrainClusterFixture fixture)
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 4, 0, 0, TimeSpan.Zero);
    private static int _nextRow;
    private static int _nextPair;

    [Fact]
    public async Task Report_SameCategoryTwentyMetresAwayTenMinutesLater_MergesIntoTheOpenCase()
    {
        var (cell, centre) = FreshCell();
        var category = NewCategory();
        var first = await TakeAsync(cell, Report(category, centre, Noon));

        var second = await TakeAsync(cell, Report(category, TestCity.North(centre, 20), Noon.AddMinutes(10)));

        Assert.Equal((ReportOutcomeKind.Merged, first.CaseId, first.CellId), (second.Outcome, second.CaseId, second.CellId));
        var details = await Case(first.CaseId).GetAsync();
        Assert.Equal(2, details!.Reporters.Length);
        // A duplicate is a reporter, not an event: the trail stays the case's own story.
        Assert.Single(details.History);
        var snapshot = await Grain(cell).GetSnapshotAsync();
        Assert.Equal((1, 1L, 2L), (snapshot.Counters.OpenCases, snapshot.Counters.MergedReports, snapshot.Counters.ReportsReceived));
        Assert.Equal(2, Assert.Single(snapshot.OpenCases).ReportCount);
    }

    [Theory]
    [InlineData("other category", 10, 10)]
    [InlineData("too far", 80, 10)]
    [InlineData("too late", 10, 180)]
    public async Task Report_NotTheSameMatter_OpensACaseOfItsOwn(string difference, double metres, double minutes)
    {
        var (cell, centre) = FreshCell();
        var category = NewCategory();
        var first = await TakeAsync(cell, Report(category, centre, Noon));

        var secondCategory = difference == "other category" ? NewCategory() : category;
        var second = await TakeAsync(cell, Report(secondCategory, TestCity.North(centre, metres), Noon.AddMinutes(minutes)));

        Assert.Equal(ReportOutcomeKind.Created, second.Outcome);
        Assert.NotEqual(first.CaseId, second.CaseId);
    }

    [Fact]
    public async Task Report_CategoryWithMergingOff_NeverMerges()
    {
        var (cell, centre) = FreshCell();
        var first = await TakeAsync(cell, Report("noise", centre, Noon));

        var second = await TakeAsync(cell, Report("noise", centre, Noon));

        Assert.Equal(ReportOutcomeKind.Created, second.Outcome);
        Assert.NotEqual(first.CaseId, second.CaseId);
    }

    [Fact]
    public async Task Report_CategoryWithAWiderRule_MergesFartherAway()
    {
        var (cell, centre) = FreshCell();
        var first = await TakeAsync(cell, Report("water.main-burst", centre, Noon));
        var farCell = fixture.City.Locate(TestCity.North(centre, 250))!;

        var second = await TakeAsync(farCell.Code, Report("water.main-burst", TestCity.North(centre, 250), Noon.AddHours(3)));

        Assert.Equal((ReportOutcomeKind.Merged, first.CaseId), (second.Outcome, second.CaseId));
    }

    [Fact]
    public async Task Report_JustAcrossTheCellBoundary_MergesIntoTheNeighboursCase()
    {
        var (cell, centre) = FreshCell();
        var eastEdge = fixture.City.Cells.Single(c => c.Code == cell).Polygon.Polygons[0].Outer.Max(p => p.Longitude);
        var west = new GeoPoint(centre.Latitude, eastEdge - TestCity.DegreesEast(10, centre.Latitude));
        var east = new GeoPoint(centre.Latitude, eastEdge + TestCity.DegreesEast(10, centre.Latitude));
        var neighbour = fixture.City.Locate(east)!.Code;
        Assert.NotEqual(cell, neighbour);
        var category = NewCategory();
        var first = await TakeAsync(cell, Report(category, west, Noon));
        // Cells are shared between tests: count what this test adds.
        var mergedBefore = (await Grain(neighbour).GetSnapshotAsync()).Counters.MergedReports;

        var second = await TakeAsync(neighbour, Report(category, east, Noon.AddMinutes(1)));

        Assert.Equal((ReportOutcomeKind.Merged, first.CaseId, cell), (second.Outcome, second.CaseId, second.CellId));
        Assert.Equal(2, (await Case(first.CaseId).GetAsync())!.Reporters.Length);
        Assert.Equal(mergedBefore + 1, (await Grain(neighbour).GetSnapshotAsync()).Counters.MergedReports);
    }

    [Fact]
    public async Task Retry_OfAMergedReport_AnswersTheCaseItWentToAndAddsNothing()
    {
        var (cell, centre) = FreshCell();
        var category = NewCategory();
        var first = await TakeAsync(cell, Report(category, centre, Noon));
        var duplicate = Report(category, centre, Noon.AddMinutes(5));
        await TakeAsync(cell, duplicate);

        var retry = await TakeAsync(cell, duplicate);

        Assert.Equal((ReportOutcomeKind.Retry, first.CaseId), (retry.Outcome, retry.CaseId));
        Assert.Equal(2, (await Case(first.CaseId).GetAsync())!.Reporters.Length);
    }

    [Fact]
    public async Task OneBatch_ReportItsDuplicateAndItsRetry_CreatedMergedRetry()
    {
        var (cell, centre) = FreshCell();
        var category = NewCategory();
        var first = Report(category, centre, Noon);

        var receipts = await Grain(cell).ProcessAsync([first, Report(category, TestCity.North(centre, 10), Noon.AddMinutes(1)), first]);

        Assert.Equal([ReportOutcomeKind.Created, ReportOutcomeKind.Merged, ReportOutcomeKind.Retry], receipts.Select(r => r.Outcome));
        Assert.Single(receipts.Select(r => r.CaseId).Distinct());
        Assert.Equal(2, (await Case(receipts[0].CaseId).GetAsync())!.Reporters.Length);
        Assert.Equal(2, Assert.Single((await Grain(cell).GetSnapshotAsync()).OpenCases, c => c.CaseId == receipts[0].CaseId).ReportCount);
    }

    [Fact]
    public async Task TwoCellsOfOneZone_DuplicatesAtTheSameMoment_MakeOneCase()
    {
        // The zone decides in order, so neither cell can miss the other's case while both are busy.
        var (west, east) = NeighboursAcross(sameZone: true);
        var category = NewCategory();
        for (var round = 0; round < 5; round++)
        {
            var at = Noon.AddDays(round);
            var answers = await Task.WhenAll(
                TakeAsync(west.Code, Report(category, EdgePoint(west, east, -5), at)),
                TakeAsync(east.Code, Report(category, EdgePoint(west, east, 5), at)));

            Assert.Equal([ReportOutcomeKind.Created, ReportOutcomeKind.Merged], answers.Select(a => a.Outcome).Order());
            Assert.Single(answers.Select(a => a.CaseId).Distinct());
        }
    }

    [Fact]
    public async Task Report_JustAcrossAZoneBoundary_MergesIntoTheCaseOfTheOtherZone()
    {
        var (west, east) = NeighboursAcross(sameZone: false);
        var category = NewCategory();
        var first = await TakeAsync(west.Code, Report(category, EdgePoint(west, east, -10), Noon));

        var duplicate = Report(category, EdgePoint(west, east, 10), Noon.AddMinutes(1));
        var second = await TakeAsync(east.Code, duplicate);

        Assert.Equal((ReportOutcomeKind.Merged, first.CaseId, west.Code), (second.Outcome, second.CaseId, second.CellId));
        // The case the duplicate would have opened does not exist: its link names the case it joined.
        Assert.Null(await Case(Governance.Grains.Cases.CaseIds.ForReport(duplicate.Channel, duplicate.ExternalId)).GetAsync());
    }

    [Fact]
    public async Task Duplicate_MergedBeforeItsCaseOpened_IsAReporterOnceTheCaseOpens()
    {
        // Another cell may merge into a case the zone has registered before the first report's cell has opened it.
        var (cell, centre) = FreshCell();
        var category = NewCategory();
        var opening = Report(category, centre, Noon);
        var early = Report(category, centre, Noon.AddMinutes(1));
        var caseId = Governance.Grains.Cases.CaseIds.ForReport(opening.Channel, opening.ExternalId);
        var zone = fixture.Zones
            .HomeOf(fixture.City.Cells.Single(c => c.Code == cell));
        var rule = new MergeOptions().For(category);
        var query = new MergeQuery(caseId, cell, category, opening.Point!, opening.ReportedAt, rule.DistanceMeters, rule.Window);
        Assert.Null(Assert.Single(await fixture.Grains.GetGrain<IMergeZoneGrain>(zone).FindOrRegisterAsync([query])));

        var merged = await TakeAsync(cell, early);
        Assert.Equal((ReportOutcomeKind.Merged, caseId), (merged.Outcome, merged.CaseId));
        Assert.Null(await Case(caseId).GetAsync());
        var opened = await TakeAsync(cell, opening);

        Assert.Equal((ReportOutcomeKind.Created, caseId), (opened.Outcome, opened.CaseId));
        var details = (await Case(caseId).GetAsync())!;
        Assert.Equal([opening.ExternalId, early.ExternalId], details.Reporters.Select(r => r.ExternalId));
        Assert.Equal(2, Assert.Single((await Grain(cell).GetSnapshotAsync()).OpenCases, c => c.CaseId == caseId).ReportCount);
    }

    [Fact]
    public async Task ManyDuplicates_EveryReporterIsKept_AndTheStoredCaseDoesNotGrow()
    {
        var (cell, centre) = FreshCell();
        var category = NewCategory();
        var first = await TakeAsync(cell, Report(category, centre, Noon));
        await Grain(cell).FlushAsync();

        var duplicates = Enumerable.Range(0, 200).Select(i => Report(category, TestCity.North(centre, i % 20), Noon.AddSeconds(i + 1))).ToList();
        foreach (var batch in duplicates.Chunk(20))
        {
            Assert.All(await Grain(cell).ProcessAsync([.. batch]), r => Assert.Equal((ReportOutcomeKind.Merged, first.CaseId), (r.Outcome, r.CaseId)));
        }

        await Grain(cell).FlushAsync();

        // Reporters are rows of their own, and neither the opening nor a duplicate stores the case: it has no state to grow.
        Assert.False(await fixture.HasStoredCaseStateAsync(first.CaseId));
        var details = (await Case(first.CaseId).GetAsync())!;
        Assert.Equal(201, details.Reporters.Length);
        Assert.Equal(duplicates.Select(d => d.ExternalId).Order(StringComparer.Ordinal), details.Reporters.Skip(1).Select(r => r.ExternalId).Order(StringComparer.Ordinal));
        Assert.Equal(201, (await Grain(cell).GetSnapshotAsync()).OpenCases.Single(c => c.CaseId == first.CaseId).ReportCount);
    }

    [Fact]
    public async Task RetryOfAMergedReport_AfterTheCellStoredIt_IsAnsweredFromItsLink()
    {
        var (cell, centre) = FreshCell();
        var category = NewCategory();
        var first = await TakeAsync(cell, Report(category, centre, Noon));
        var duplicate = Report(category, TestCity.North(centre, 10), Noon.AddMinutes(1));
        Assert.Equal(ReportOutcomeKind.Merged, (await TakeAsync(cell, duplicate)).Outcome);
        // Stored: the cell no longer holds the duplicate in memory, the link store answers for it.
        await Grain(cell).FlushAsync();
        var before = (await Grain(cell).GetSnapshotAsync()).Counters;

        var retry = await TakeAsync(cell, duplicate);

        Assert.Equal((ReportOutcomeKind.Retry, first.CaseId, first.CellId), (retry.Outcome, retry.CaseId, retry.CellId));
        Assert.Equal(2, (await Case(first.CaseId).GetAsync())!.Reporters.Length);
        var after = (await Grain(cell).GetSnapshotAsync()).Counters;
        Assert.Equal((1L, 0L, 0L), (after.Retries - before.Retries, after.MergedReports - before.MergedReports, after.ReportsReceived - before.ReportsReceived));
    }

    [Fact]
    public async Task MergedReportReplayed_BeforeItsLinkIsStored_IsCountedOnce()
    {
        var (cell, centre) = FreshCell();
        var category = NewCategory();
        var first = await TakeAsync(cell, Report(category, centre, Noon));
        var duplicate = Report(category, TestCity.North(centre, 10), Noon.AddMinutes(1));
        await TakeAsync(cell, duplicate);

        // A replay does not trust the cell's memory, and the link may not be stored yet: the store answers from the links it
        // has not committed, so the duplicate is found where it went, and is not a second reporter.
        var replayed = (await Grain(cell).ProcessAsync([duplicate], replaying: true))[0];

        Assert.Equal((ReportOutcomeKind.Retry, first.CaseId), (replayed.Outcome, replayed.CaseId));
        Assert.Equal(2, (await Case(first.CaseId).GetAsync())!.Reporters.Length);
        Assert.Equal(2, (await Grain(cell).GetSnapshotAsync()).OpenCases.Single(c => c.CaseId == first.CaseId).ReportCount);
    }

    private (CellInfo West, CellInfo East) NeighboursAcross(bool sameZone)
    {
        var zones = fixture.Zones;
        var byPosition = fixture.City.Cells.Where(c => c.AreaSquareMeters > 9_999).ToDictionary(c => (c.Column, c.Row));
        var pairs = byPosition.Values
            .Where(c => byPosition.ContainsKey((c.Column + 1, c.Row)))
            .Select(c => (West: c, East: byPosition[(c.Column + 1, c.Row)]))
            .Where(p => (zones.HomeOf(p.West) == zones.HomeOf(p.East)) == sameZone)
            .ToList();
        return pairs[Interlocked.Increment(ref _nextPair) % pairs.Count];
    }

    private static GeoPoint EdgePoint(CellInfo west, CellInfo east, double eastMetres)
    {
        var edge = west.Polygon.Polygons[0].Outer.Max(p => p.Longitude);
        var latitude = (west.Centroid.Latitude + east.Centroid.Latitude) / 2;
        return new GeoPoint(latitude, edge + TestCity.DegreesEast(eastMetres, latitude));
    }

    private (string Cell, GeoPoint Centre) FreshCell()
    {
        // Full squares in the middle rows of the test city, a different one per test.
        // The last cell is kept for the household-count test, which needs a cell no other test has woken.
        var full = fixture.City.Cells.Take(fixture.City.Cells.Count - 1).Where(c => c.AreaSquareMeters > 9_999 && c.Row is > 1 and < 7).ToList();
        var cell = full[Interlocked.Increment(ref _nextRow) * 7 % full.Count];
        return (cell.Code, cell.Centroid);
    }

    private IGridCellGrain Grain(string cellId) => fixture.Grains.GetGrain<IGridCellGrain>(GrainKeys.Cell(cellId));

    private ICaseGrain Case(string caseId) => fixture.Grains.GetGrain<ICaseGrain>(GrainKeys.Case(caseId));

    private async Task<ReportReceipt> TakeAsync(string cellId, IncomingReport report) => (await Grain(cellId).ProcessAsync([report]))[0];

    private static string NewCategory() => $"test.m{Guid.NewGuid():N}"[..20];

    private static IncomingReport Report(string category, GeoPoint at, DateTimeOffset reportedAt) => new(
        $"merge-{Guid.NewGuid():N}", ReportChannel.CitizenApp, category, "Water everywhere on the street.",
        new GeoLocation(at.Latitude, at.Longitude), reportedAt, "citizen-9");
}
