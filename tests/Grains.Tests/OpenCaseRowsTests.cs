using System.Text.Json;
using Governance.City.Geometry;
using Governance.City.Map;
using Governance.Contracts;
using Governance.Contracts.Cases;
using Governance.Contracts.Cells;
using Governance.Contracts.Common;
using Governance.Contracts.Merging;
using Governance.Grains.Cases;
using Governance.Grains.Cells;
using Governance.Grains.Merging;
using Governance.Grains.Tests.Infrastructure;

namespace Governance.Grains.Tests;

/// <summary>
/// A cell's open cases are rows of their own, and its merge zone stores nothing: the zone's index is built again from
/// the rows, so what a zone decided outlives it once its cells have flushed.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class OpenCaseRowsTests(GrainClusterFixture fixture)
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AZoneActivatedAgain_AfterItsCellFlushed_MergesIntoTheCaseItRegisteredBefore()
    {
        var cell = Cell(0);
        var category = NewCategory();
        var first = await TakeAsync(cell, Report(category, cell.Centroid, Noon));
        await Grain(cell).FlushAsync();
        await fixture.Cluster.DeactivateAsync(Zone(cell));

        var second = await TakeAsync(cell, Report(category, TestCity.North(cell.Centroid, 20), Noon.AddMinutes(5)));

        Assert.Equal((ReportOutcomeKind.Merged, first.CaseId), (second.Outcome, second.CaseId));
    }

    [Fact]
    public async Task ACellActivatedAgain_ListsItsOpenCasesFromTheRows_WithTheirReportCounts()
    {
        var cell = Cell(1);
        var category = NewCategory();
        var first = await TakeAsync(cell, Report(category, cell.Centroid, Noon));
        await TakeAsync(cell, Report(category, TestCity.North(cell.Centroid, 15), Noon.AddMinutes(1)));
        await Grain(cell).FlushAsync();
        await fixture.Cluster.DeactivateAsync(Grain(cell));

        var snapshot = await Grain(cell).GetSnapshotAsync();

        var listed = Assert.Single(snapshot.OpenCases, c => c.CaseId == first.CaseId);
        Assert.Equal((category, 2), (listed.Category, listed.ReportCount));
    }

    [Fact]
    public async Task ACellStoredByAnEarlierVersion_MovesItsOpenCasesToRows_WhichItsZoneThenMergesInto()
    {
        var cell = Cell(2);
        var category = NewCategory();
        var legacyCase = new CaseSummaryInfo(
            $"legacy{Guid.NewGuid():N}"[..16], category, CaseStatusKind.Reported, Noon, "Water pouring from the road",
            new GeoLocation(cell.Centroid.Latitude, cell.Centroid.Longitude), Noon, 3);
        await fixture.Cluster.DeactivateAsync(Grain(cell));
        await StoreLegacyAsync("cell", Grain(cell), new CellState { OpenCases = { [legacyCase.CaseId] = legacyCase } });

        // Everything but the count, which comes from the report links (none were stored for this made-up case).
        Assert.Contains((await Grain(cell).GetSnapshotAsync()).OpenCases, c => c with { ReportCount = legacyCase.ReportCount } == legacyCase);
        await Grain(cell).FlushAsync();
        await fixture.Cluster.DeactivateAsync(Zone(cell));
        var duplicate = await TakeAsync(cell, Report(category, TestCity.North(cell.Centroid, 10), Noon.AddMinutes(30)));

        Assert.Equal((ReportOutcomeKind.Merged, legacyCase.CaseId), (duplicate.Outcome, duplicate.CaseId));
        Assert.DoesNotContain(legacyCase.CaseId, await StoredPayloadAsync("cell", Grain(cell)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AZoneStoredByAnEarlierVersion_StillMergesIntoTheCasesItListed()
    {
        var cell = Cell(3);
        var category = NewCategory();
        var listed = new ZoneCase(
            $"legacy{Guid.NewGuid():N}"[..16], cell.Code, category, new GeoLocation(cell.Centroid.Latitude, cell.Centroid.Longitude), Noon, Noon.AddHours(2));
        await fixture.Cluster.DeactivateAsync(Zone(cell));
        await StoreLegacyAsync("merge-zone", Zone(cell), new MergeZoneState { Cases = { [listed.CaseId] = listed } });

        var duplicate = await TakeAsync(cell, Report(category, TestCity.North(cell.Centroid, 10), Noon.AddMinutes(30)));

        Assert.Equal((ReportOutcomeKind.Merged, listed.CaseId), (duplicate.Outcome, duplicate.CaseId));
    }

    [Fact]
    public async Task Replay_OfAReportOthersMergedInto_OpensItsCase_ThoughTheZoneForgotIt()
    {
        // A crash can lose a zone's registration (its row was never saved: the report lies after the checkpoint) while the
        // link of a duplicate merged into that case was stored. Replay must open that case, whatever lies near it now.
        var cell = Cell(4);
        var category = NewCategory();
        var opening = Report(category, cell.Centroid, Noon);
        var caseId = CaseIds.ForReport(opening.Channel, opening.ExternalId);
        var rule = new MergeOptions().For(category);
        var query = new MergeQuery(caseId, cell.Code, category, opening.Point!, opening.ReportedAt, rule.DistanceMeters, rule.Window);
        Assert.Null(Assert.Single(await Zone(cell).FindOrRegisterAsync([query])));
        var early = await TakeAsync(cell, Report(category, TestCity.North(cell.Centroid, 10), Noon.AddMinutes(1)));
        Assert.Equal((ReportOutcomeKind.Merged, caseId), (early.Outcome, early.CaseId));
        await Grain(cell).FlushAsync();
        await fixture.Cluster.DeactivateAsync(Zone(cell));
        var rival = await TakeAsync(cell, Report(category, TestCity.North(cell.Centroid, 5), Noon.AddMinutes(2)));
        Assert.Equal(ReportOutcomeKind.Created, rival.Outcome);

        var replayed = (await Grain(cell).ProcessAsync([opening], replaying: true))[0];

        Assert.Equal((ReportOutcomeKind.Created, caseId), (replayed.Outcome, replayed.CaseId));
        Assert.Equal(2, (await fixture.Grains.GetGrain<ICaseGrain>(GrainKeys.Case(caseId)).GetAsync())!.Reporters.Length);
    }

    [Fact]
    public async Task Replay_AfterACrashBetweenACellsStateAndItsRows_CountsTheCaseOnce()
    {
        var cell = Cell(5);
        var report = Report(NewCategory(), cell.Centroid, Noon);
        var opened = await TakeAsync(cell, report);
        await Grain(cell).FlushAsync();
        var before = (await Grain(cell).GetSnapshotAsync()).Counters;
        // The cell's state stored, the case's row not: as if the silo died between the two writes of a flush.
        await fixture.Cluster.DeactivateAsync(Grain(cell));
        await fixture.DeleteOpenCaseRowAsync(opened.CaseId);

        var replayed = (await Grain(cell).ProcessAsync([report], replaying: true))[0];

        // Answered as it first was: the replay opens the case the row was lost of.
        Assert.Equal((ReportOutcomeKind.Created, opened.CaseId), (replayed.Outcome, replayed.CaseId));
        var after = (await Grain(cell).GetSnapshotAsync()).Counters;
        Assert.Equal((before.CasesOpened, before.ReportsReceived, before.OpenCases), (after.CasesOpened, after.ReportsReceived, after.OpenCases));
    }

    // Written as the live store writes it: the state name, the grain id, a version, and the state as JSON.
    [Fact]
    public async Task ACaseStoredByAnEarlierVersion_WithDuplicatesWaiting_KeepsThemAsReporters_OnceItsCellOpensIt()
    {
        // Before cells linked duplicates themselves, a duplicate that reached a case before its first report was kept
        // waiting in the case's state, and the case's opening made it a reporter.
        var cell = Cell(6);
        var report = Report(NewCategory(), cell.Centroid, Noon);
        var caseId = CaseIds.ForReport(report.Channel, report.ExternalId);
        var waiting = new ReporterEntry("citizen-8", ReportChannel.Hotline, $"rows-{Guid.NewGuid():N}", Noon.AddMinutes(1));
        await StoreLegacyAsync("case", fixture.Grains.GetGrain<ICaseGrain>(GrainKeys.Case(caseId)), new CaseState { Waiting = [waiting] });

        var opened = await TakeAsync(cell, report);

        Assert.Equal((ReportOutcomeKind.Created, caseId), (opened.Outcome, opened.CaseId));
        var details = (await fixture.Grains.GetGrain<ICaseGrain>(GrainKeys.Case(caseId)).GetAsync())!;
        Assert.Equal([report.ExternalId, waiting.ExternalId], details.Reporters.Select(r => r.ExternalId));
        await fixture.Cluster.DeactivateAsync(fixture.Grains.GetGrain<ICaseGrain>(GrainKeys.Case(caseId)));
        Assert.DoesNotContain(waiting.ExternalId, await StoredPayloadAsync("case", fixture.Grains.GetGrain<ICaseGrain>(GrainKeys.Case(caseId))), StringComparison.Ordinal);
        Assert.Equal(2, (await Grain(cell).GetSnapshotAsync()).OpenCases.Single(c => c.CaseId == caseId).ReportCount);
    }

    private async Task StoreLegacyAsync<T>(string stateName, IAddressable grain, T state)
    {
        await using var connection = await fixture.Storage.GetConnection().OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO gov_grain_state (service_id, state_name, grain_id, version, payload) VALUES ('grain-tests', $state, $grain, 1, $payload)
            ON CONFLICT (service_id, state_name, grain_id) DO UPDATE SET version = version + 1, payload = excluded.payload
            """;
        Add(command, "$state", stateName);
        Add(command, "$grain", grain.GetGrainId().ToString());
        Add(command, "$payload", JsonSerializer.Serialize(state));
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private async Task<string> StoredPayloadAsync(string stateName, IAddressable grain)
    {
        await using var connection = await fixture.Storage.GetConnection().OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM gov_grain_state WHERE state_name = $state AND grain_id = $grain";
        Add(command, "$state", stateName);
        Add(command, "$grain", grain.GetGrainId().ToString());
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static void Add(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = (name, value);
        command.Parameters.Add(parameter);
    }

    // Whole squares in the first rows, one per test: other tests take theirs from the middle rows and the end of the list,
    // and may count a cell's cases, which a legacy state written here would change.
    private CellInfo Cell(int index) => fixture.City.Cells.Where(c => c.AreaSquareMeters > 9_999 && c.Row < 2).ElementAt(index * 2);

    private IGridCellGrain Grain(CellInfo cell) => fixture.Grains.GetGrain<IGridCellGrain>(GrainKeys.Cell(cell.Code));

    private IMergeZoneGrain Zone(CellInfo cell) => fixture.Grains.GetGrain<IMergeZoneGrain>(fixture.Zones.HomeOf(cell));

    private async Task<ReportReceipt> TakeAsync(CellInfo cell, IncomingReport report) => (await Grain(cell).ProcessAsync([report]))[0];

    // A category of its own per test: no other test's case can be a merge target.
    private static string NewCategory() => $"test.o{Guid.NewGuid():N}"[..20];

    private static IncomingReport Report(string category, GeoPoint at, DateTimeOffset reportedAt) => new(
        $"rows-{Guid.NewGuid():N}", ReportChannel.CitizenApp, category, "Water pouring from the road.",
        new GeoLocation(at.Latitude, at.Longitude), reportedAt, "citizen-4");

}
