using System.Collections.Immutable;
using Governance.City.Geometry;
using Governance.City.Map;
using Governance.Contracts;
using Governance.Contracts.Cases;
using Governance.Contracts.Cells;
using Governance.Contracts.Common;
using Governance.Grains.Cases;
using Governance.Contracts.Sensors;
using Governance.Grains.Merging;
using Governance.Grains.Sensors;
using Governance.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Governance.Grains.Cells;

/// <summary>
/// One grid cell: turns its journaled reports into cases and keeps the live picture. The case id is derived
/// from the report, so a retry or a replay reaches the same case; if the case was stored but the cell's own
/// record of it was lost, the retry records it again. A duplicate of an open case nearby is merged into it and
/// remembered here, so it costs no grain of its own. State is stored write-behind, on <see cref="FlushAsync"/>
/// (the intake checkpoint) and on deactivation; until then the intake journal holds what changed.
/// </summary>
public sealed class GridCellGrain(
    [PersistentState("cell", StoreNames.Live)] IPersistentState<CellState> state,
    CityMap city,
    IRegistryStore registry,
    IOptions<MergeOptions> merging,
    IOptions<SensorOptions> sensorOptions) : Grain, IGridCellGrain
{
    private readonly HashSet<string> _dirtyCases = new(StringComparer.Ordinal);
    private CellInfo _cell = null!;
    private int _householdCount;
    private bool _dirty;
    private IGrainTimer? _readingsFlush;

    // Readings are not journaled: the cell stores them itself, this often, while they keep coming.
    private static readonly TimeSpan ReadingsFlushPeriod = TimeSpan.FromSeconds(5);

    private string CellId => _cell.Code;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var cellId = GrainKeys.Strip(this.GetPrimaryKeyString(), GrainKeys.CellPrefix);
        if (!city.TryGetCell(cellId, out var cell))
        {
            throw new UnknownCellException(cellId);
        }

        _cell = cell;
        var households = await registry.ListByCellAsync(RegistryKinds.Household, cellId, cancellationToken);
        _householdCount = households.Count;
    }

    public async Task<ImmutableArray<ReportReceipt>> ProcessAsync(ImmutableArray<IncomingReport> reports)
    {
        var receipts = ImmutableArray.CreateBuilder<ReportReceipt>(reports.Length);
        foreach (var report in reports)
        {
            // In order: a report and its retry in one batch must see each other.
            receipts.Add(await TakeAsync(report));
        }

        _dirty = true;
        return receipts.MoveToImmutable();
    }

    public async Task FlushAsync()
    {
        // All at once: the store commits writes that arrive together in one transaction.
        var flushing = _dirtyCases.ToArray();
        await Task.WhenAll(flushing.Select(caseId => Case(caseId).FlushAsync()));
        _dirtyCases.ExceptWith(flushing);

        if (_dirty)
        {
            await this.WriteOrForgetAsync(state);
            _dirty = false;
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Best effort: whatever is not stored here is still in the intake journal and is replayed at start.
        await FlushAsync();
    }

    public async Task<ReadingReceipt> RecordReadingAsync(SensorReadingInfo reading)
    {
        if (!sensorOptions.Value.Kinds.TryGetValue(reading.Kind, out var kind))
        {
            throw new ArgumentException($"Unknown sensor kind '{reading.Kind}'.", nameof(reading));
        }

        var threshold = sensorOptions.Value.ThresholdOf(reading.SensorId, kind);
        var sensors = state.State.Sensors;
        if (sensors.TryGetValue(reading.SensorId, out var sensor) && reading.MeasuredAt < sensor.MeasuredAt)
        {
            return new ReadingReceipt(CellId, ReadingOutcomeKind.Stale, sensor.InAlarm ? sensor.AlarmCaseId : null);
        }

        sensor ??= sensors[reading.SensorId] = new SensorState { Kind = reading.Kind };
        var wasInAlarm = sensor.InAlarm;
        (sensor.Kind, sensor.Value, sensor.MeasuredAt, sensor.InAlarm) = (reading.Kind, reading.Value, reading.MeasuredAt, reading.Value >= threshold);
        MarkDirtyFromReadings();

        if (sensor.InAlarm && !wasInAlarm)
        {
            var location = reading.Point ?? new GeoLocation(_cell.Centroid.Latitude, _cell.Centroid.Longitude);
            var report = AlarmReports.ForCrossing(reading, kind, threshold, location);
            var result = await Case(CaseIds.ForReport(report.Channel, report.ExternalId)).OpenAsync(new CaseOpening(CellId, location, report));
            _dirtyCases.Add(result.CaseId);
            if (!state.State.OpenCases.ContainsKey(result.CaseId))
            {
                RecordOpened(result.Summary);
            }

            sensor.AlarmCaseId = result.CaseId;
            return new ReadingReceipt(CellId, ReadingOutcomeKind.AlarmRaised, result.CaseId);
        }

        if (!sensor.InAlarm && wasInAlarm && sensor.AlarmCaseId is { } alarm)
        {
            await Case(alarm).AddNoteAsync(reading.SensorId, AlarmReports.FellBack(reading, kind, threshold));
            _dirtyCases.Add(alarm);
            return new ReadingReceipt(CellId, ReadingOutcomeKind.AlarmCleared, alarm);
        }

        return new ReadingReceipt(CellId, ReadingOutcomeKind.Recorded, sensor.InAlarm ? sensor.AlarmCaseId : null);
    }

    public Task<CellSnapshot> GetSnapshotAsync()
    {
        var s = state.State;
        var open = s.OpenCases.Values.OrderByDescending(c => c.OpenedAt).ThenBy(c => c.CaseId, StringComparer.Ordinal).ToArray();
        var counters = new CellCounters(s.ReportsReceived, s.Retries, s.CasesOpened, open.Length, s.MergedInto.Count);
        var sensors = s.Sensors.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Describe(p.Key, p.Value));
        return Task.FromResult(new CellSnapshot(CellId, _householdCount, counters, [.. open], [.. sensors]));
    }

    private SensorStatusInfo Describe(string sensorId, SensorState sensor)
    {
        var kinds = sensorOptions.Value.Kinds;
        var unit = kinds.TryGetValue(sensor.Kind, out var kind) ? kind.Unit : "";
        var threshold = kind is null ? double.NaN : sensorOptions.Value.ThresholdOf(sensorId, kind);
        return new SensorStatusInfo(sensorId, sensor.Kind, sensor.Value, unit, sensor.MeasuredAt, threshold, sensor.InAlarm, sensor.AlarmCaseId);
    }

    private void MarkDirtyFromReadings()
    {
        _dirty = true;
        _readingsFlush ??= this.RegisterGrainTimer(_ => FlushAsync(), ReadingsFlushPeriod, ReadingsFlushPeriod);
    }

    public Task<MergeCandidate?> FindOpenCaseAsync(string category, GeoLocation point, DateTimeOffset reportedAt, double maxMeters, TimeSpan window)
    {
        MergeCandidate? best = null;
        var here = new GeoPoint(point.Latitude, point.Longitude);
        foreach (var open in state.State.OpenCases.Values)
        {
            if (open.Category != category || (open.FirstReportedAt - reportedAt).Duration() > window)
            {
                continue;
            }

            var distance = city.DistanceMeters(here, new GeoPoint(open.Location.Latitude, open.Location.Longitude));
            if (distance <= maxMeters && (best is null || distance < best.DistanceMeters))
            {
                best = new MergeCandidate(open.CaseId, distance, CellId);
            }
        }

        return Task.FromResult(best);
    }

    private async Task<ReportReceipt> TakeAsync(IncomingReport report)
    {
        // Retries answered from this cell's own state cost no grain call: the report's own case is open here,
        // or the report was merged here before.
        var ownId = CaseIds.ForReport(report.Channel, report.ExternalId);
        var s = state.State;
        if (s.OpenCases.ContainsKey(ownId))
        {
            s.Retries++;
            return new ReportReceipt(ownId, CellId, ReportOutcomeKind.Retry);
        }

        if (s.MergedInto.TryGetValue(ownId, out var merged))
        {
            s.Retries++;
            return new ReportReceipt(merged.CaseId, merged.CellId, ReportOutcomeKind.Retry);
        }

        var location = report.Point ?? new GeoLocation(_cell.Centroid.Latitude, _cell.Centroid.Longitude);
        if (await FindMergeTargetAsync(report, location) is { } target)
        {
            // A duplicate costs no case of its own: the open case gets one more reporter, and this cell remembers
            // where the report went, so its retry is answered here.
            await AddToMergedCaseAsync(target.CaseId, report);
            s.MergedInto[ownId] = new MergedReport(target.CaseId, target.CellId);
            s.ReportsReceived++;
            return new ReportReceipt(target.CaseId, target.CellId, ReportOutcomeKind.Merged);
        }

        var result = await Case(ownId).OpenAsync(new CaseOpening(CellId, location, report));
        if (result.Outcome == ReportOutcomeKind.Created)
        {
            _dirtyCases.Add(ownId);
            RecordOpened(result.Summary);
        }
        else
        {
            s.Retries++;
            if (result.CellId == CellId && !s.OpenCases.ContainsKey(result.CaseId))
            {
                // The case was stored but this cell's record of it was lost: record it now.
                RecordOpened(result.Summary);
            }
        }

        return new ReportReceipt(result.CaseId, result.CellId, result.Outcome);
    }

    private void RecordOpened(CaseSummaryInfo summary)
    {
        state.State.ReportsReceived++;
        state.State.CasesOpened++;
        state.State.OpenCases[summary.CaseId] = summary;
    }

    private async Task AddToMergedCaseAsync(string caseId, IncomingReport report)
    {
        var summary = await Case(caseId).AddReporterAsync(report);
        _dirtyCases.Add(caseId);
        if (state.State.OpenCases.ContainsKey(caseId))
        {
            state.State.OpenCases[caseId] = summary;
        }
    }

    /// <summary>The nearest open case this report duplicates, here or in a cell within the category's distance.</summary>
    private async Task<MergeCandidate?> FindMergeTargetAsync(IncomingReport report, GeoLocation location)
    {
        var rule = merging.Value.For(report.Category);
        if (!rule.Merges)
        {
            return null;
        }

        var best = await FindOpenCaseAsync(report.Category, location, report.ReportedAt, rule.DistanceMeters, rule.Window);
        var point = new GeoPoint(location.Latitude, location.Longitude);
        var asked = city.CellsNear(point, rule.DistanceMeters)
            .Where(neighbour => neighbour.Code != CellId)
            .Select(neighbour => GrainFactory.GetGrain<IGridCellGrain>(GrainKeys.Cell(neighbour.Code))
                .FindOpenCaseAsync(report.Category, location, report.ReportedAt, rule.DistanceMeters, rule.Window))
            .ToList();
        foreach (var candidate in asked.Count == 0 ? [] : await Task.WhenAll(asked))
        {
            if (candidate is not null && (best is null || candidate.DistanceMeters < best.DistanceMeters))
            {
                best = candidate;
            }
        }

        return best;
    }

    private ICaseGrain Case(string caseId) => GrainFactory.GetGrain<ICaseGrain>(GrainKeys.Case(caseId));
}
