using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Governance.City.Geometry;
using Governance.City.Map;
using Governance.Contracts;
using Governance.Contracts.Cases;
using Governance.Contracts.Cells;
using Governance.Contracts.Common;
using Governance.Contracts.Evaluation;
using Governance.Contracts.LiveFeed;
using Governance.Contracts.Merging;
using Governance.Contracts.Sensors;
using Governance.Grains.Cases;
using Governance.Grains.Clock;
using Governance.Grains.Evaluation;
using Governance.Grains.LiveFeed;
using Governance.Grains.Merging;
using Governance.Grains.Sensors;
using Governance.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Governance.Grains.Cells;

/// <summary>
/// One grid cell: turns its journaled reports into cases and keeps the live picture. The case id is derived
/// from the report, so a retry or a replay reaches the same case. The cell opens a case itself, as a row of its open
/// cases (<see cref="IOpenCaseStore"/>, which its merge zone builds its index from) and the first reporter's link; the
/// case grain is built from these when it is first called. A duplicate of an open case nearby is merged into it, so it
/// costs no case of its own; where it went is a row in the report link store, which answers a retry from it even
/// before it is committed. State and rows are stored write-behind, on <see cref="FlushAsync"/> (the intake checkpoint) and on
/// deactivation; until then the intake journal holds what changed.
/// </summary>
public sealed partial class GridCellGrain(
    [PersistentState("cell", StoreNames.Live)] IPersistentState<CellState> state,
    CityMap city,
    IRegistryStore registry,
    IOptions<MergeOptions> merging,
    MergeZones zones,
    IOptions<SensorOptions> sensorOptions,
    IReportLinkStore links,
    IOpenCaseStore openCases,
    IOptions<EvaluationOptions> evaluation,
    CellPulses pulses,
    CityClock time,
    ILogger<GridCellGrain> logger) : Grain, IGridCellGrain
{
    // Cases this cell changed and not yet flushed, with the stamp of the latest change: a flush removes a case only
    // if nothing changed it again while the flush waited.
    private readonly ChangeStamps _dirtyCases = new();

    // The open cases, by case id, and those whose row changed since it was last stored.
    private readonly Dictionary<string, OpenCaseRow> _openCases = new(StringComparer.Ordinal);
    private readonly ChangeStamps _unsavedRows = new();

    // Days whose tallies changed since the last push to the cell's area, and the timer that pushes them.
    private readonly DayTallies _tallies = new();
    private IGrainTimer? _evaluationPush;
    private CellInfo _cell = null!;
    private int _householdCount;
    private WriteBehind _store = null!;
    private string _homeZone = null!;

    // Names this activation to intake, which tells by it whether the cell it stores is the one that took its reports.
    private readonly Guid _activation = Guid.NewGuid();
    private IGrainTimer? _readingsFlush;

    // Links this cell sent to the store, counted, and how many of them a flush has seen stored: a flush waits for the
    // store only while some have not been.
    private long _linksSent;
    private long _linksStored;

    // The version of the cell's latest pulse (GetPulseAsync), and the last pulse sent to live views.
    private long _pulseVersion;
    private CellPulse? _lastPulse;

    // Readings are not journaled: the cell stores them itself, this often, while they keep coming.
    private static readonly TimeSpan ReadingsFlushPeriod = TimeSpan.FromSeconds(5);

    private string CellId => _cell.Code;

    // Where a report or reading without a point of its own is placed.
    private GeoLocation Centre => new(_cell.Centroid.Latitude, _cell.Centroid.Longitude);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var cellId = GrainKeys.Strip(this.GetPrimaryKeyString(), GrainKeys.CellPrefix);
        if (!city.TryGetCell(cellId, out var cell))
        {
            throw new UnknownCellException(cellId);
        }

        _cell = cell;
        _store = new WriteBehind(() => this.WriteOrForgetAsync(state, DelayDeactivation));
        _homeZone = zones.HomeOf(cell);
        _householdCount = (int)await registry.CountByCellAsync(RegistryKinds.Household, cellId, cancellationToken);
        foreach (var row in await openCases.ListByCellAsync(cellId, cancellationToken))
        {
            _openCases[row.CaseId] = row;
        }

        MoveLegacyOpenCases();
    }

    /// <summary>
    /// A cell stored by an earlier version lists its open cases in its own state: they become rows, registered in the
    /// home zone as intake registered them. The state drops them only when it is next stored, after the rows.
    /// </summary>
    private void MoveLegacyOpenCases()
    {
        if (state.State.OpenCases.Count == 0)
        {
            return;
        }

        foreach (var (caseId, summary) in state.State.OpenCases)
        {
            var rule = merging.Value.For(summary.Category);
            var registration = rule.Merges ? new MergeRegistration(_homeZone, summary.FirstReportedAt + rule.Window) : null;
            var header = new CaseHeader(caseId, summary.Category, summary.Status, summary.OpenedAt, summary.Headline, summary.Location, summary.FirstReportedAt);
            if (_openCases.TryAdd(caseId, new OpenCaseRow(CellId, header, registration)))
            {
                RowChanged(caseId);
            }
        }

        state.State.OpenCases.Clear();
        _store.Changed();
    }

    public async Task<ImmutableArray<ReportReceipt>> ProcessAsync(ImmutableArray<IncomingReport> reports, bool replaying = false)
    {
        // Arrays by report index rather than collections: a batch usually holds one report or a few, so what a batch
        // allocates is what each report costs.
        var receipts = new ReportReceipt[reports.Length];
        var ownIds = new string[reports.Length];
        Dictionary<string, int>? firstOfId = reports.Length > 1 ? new(StringComparer.Ordinal) : null;
        List<(int Index, int First)>? repeats = null;
        var candidates = new List<int>(reports.Length);
        for (var i = 0; i < reports.Length; i++)
        {
            ownIds[i] = CaseIds.ForReport(reports[i].Channel, reports[i].ExternalId);
            if (!replaying && AnswerRetry(ownIds[i]) is { } retry)
            {
                receipts[i] = retry;
            }
            else if (firstOfId is not null && firstOfId.TryGetValue(ownIds[i], out var first))
            {
                // The same report twice in one batch (a retry overtook its ack): answered as the first one is.
                (repeats ??= []).Add((i, first));
            }
            else
            {
                firstOfId?.Add(ownIds[i], i);
                candidates.Add(i);
            }
        }

        var (fresh, openedBefore) = await SkipLinkedBeforeAsync(ownIds, candidates, receipts, replaying);
        var locations = new GeoLocation[reports.Length];
        foreach (var i in fresh)
        {
            locations[i] = reports[i].Point ?? Centre;
        }

        // Reports whose own case has reporters open it whatever lies near: a lost row is found again, not merged elsewhere.
        var mustOpen = replaying ? await FindJoinedAsync(ownIds, fresh) : openedBefore;
        var (targets, registrations) = await DecideMergesAsync(reports, ownIds, fresh, locations, mustOpen);
        var sending = new List<ReportLink>(fresh.Count);
        var opened = false;
        var now = time.GetUtcNow();
        foreach (var i in fresh)
        {
            var report = reports[i];
            var reporter = new ReporterEntry(report.ReporterId, report.Channel, report.ExternalId, report.ReportedAt);
            if (targets[i] is not { } target)
            {
                // Opened here, without calling the case: a row and its first reporter's link.
                OpenCase(ownIds[i], report, locations[i], registrations[i], now);
                opened = true;
                sending.Add(new ReportLink(ownIds[i], ownIds[i], CellId, reporter));
                receipts[i] = Opened(ownIds[i], openedBefore?.Contains(i) == true);
                continue;
            }

            // A duplicate costs no case of its own, nor a call to its case: it becomes one more reporter, a link this cell
            // sends to the store; a retry finds it there, committed or not. (The case need not be open yet: its link waits
            // in the store all the same.)
            sending.Add(new ReportLink(ownIds[i], target.CaseId, target.CellId, reporter));
            state.State.ReportsMerged++;
            receipts[i] = new ReportReceipt(target.CaseId, target.CellId, ReportOutcomeKind.Merged);
        }

        SendLinks(sending);

        foreach (var (index, first) in repeats ?? [])
        {
            state.State.Retries++;
            receipts[index] = new ReportReceipt(receipts[first].CaseId, receipts[first].CellId, ReportOutcomeKind.Retry);
        }

        _store.Changed();
        // Merges and retries change nothing a live view shows: only a batch that opened a case is worth a pulse, and
        // intake does not count the cell's cases for the others.
        if (opened)
        {
            Pulse();
        }

        for (var i = 0; i < receipts.Length; i++)
        {
            receipts[i] = receipts[i] with { CellActivation = _activation };
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(receipts);
    }

    /// <summary>
    /// Answers, as retries, the candidates that an earlier copy merged into another case or opened in another cell: the
    /// link store knows where each went once its link is stored (the store answers many cells' questions with one query).
    /// Returns the rest, which are to be decided here, and among them those that opened their own case here before while
    /// this cell has no row of it: they open it again, a client's copy as a retry (a replayed one as it first did).
    /// </summary>
    private async Task<(List<int> Fresh, HashSet<int>? OpenedBefore)> SkipLinkedBeforeAsync(
        string[] ownIds, List<int> candidates, ReportReceipt[] receipts, bool replaying)
    {
        if (candidates.Count == 0)
        {
            return (candidates, null);
        }

        var found = await links.FindAsync([.. candidates.Select(i => ownIds[i])]);
        var fresh = new List<int>(candidates.Count);
        HashSet<int>? openedBefore = null;
        foreach (var i in candidates)
        {
            if (!found.TryGetValue(ownIds[i], out var link))
            {
                fresh.Add(i);
            }
            else if (link.CaseId == ownIds[i] && link.CaseCellId == CellId)
            {
                if (!replaying)
                {
                    (openedBefore ??= []).Add(i);
                }

                fresh.Add(i);
            }
            else
            {
                state.State.Retries++;
                receipts[i] = new ReportReceipt(link.CaseId, link.CaseCellId, ReportOutcomeKind.Retry);
            }
        }

        return (fresh, openedBefore);
    }

    /// <summary>
    /// At replay, the reports whose own case other reports were merged into (or whose own link is stored): that case must
    /// open again even if the zone, rebuilt after a crash, no longer lists it, or those reports would belong to no case.
    /// </summary>
    private async Task<HashSet<int>> FindJoinedAsync(string[] ownIds, List<int> fresh)
    {
        var joined = new HashSet<int>();
        if (fresh.Count == 0)
        {
            return joined;
        }

        var counts = await links.CountByCasesAsync([.. fresh.Select(i => ownIds[i])]);
        foreach (var i in fresh)
        {
            if (counts.ContainsKey(ownIds[i]))
            {
                joined.Add(i);
            }
        }

        return joined;
    }

    public async Task<Guid> FlushAsync()
    {
        await FlushStateAsync();
        return _activation;
    }

    public Task StoreNowAsync() => FlushStateAsync(commitLinksNow: true);

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Best effort: whatever is not stored here is still in the intake journal and is replayed at start.
        await FlushStateAsync();
    }

    public async Task<ReadingReceipt> RecordReadingAsync(SensorReadingInfo reading)
    {
        var receipt = await RecordAsync(reading);
        if (receipt.Outcome != ReadingOutcomeKind.Stale)
        {
            Pulse();
        }

        return receipt;
    }

    private async Task<ReadingReceipt> RecordAsync(SensorReadingInfo reading)
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
            var location = reading.Point ?? Centre;
            var report = AlarmReports.ForCrossing(reading, kind, threshold, location);
            var caseId = CaseIds.ForReport(report.Channel, report.ExternalId);
            // Not registered for merging: the zone is not asked (reports nearby are about the flood, not the gauge).
            OpenCase(caseId, report, location, registration: null, time.GetUtcNow());
            SendLinks([new ReportLink(caseId, caseId, CellId, new ReporterEntry(report.ReporterId, report.Channel, report.ExternalId, report.ReportedAt))]);
            sensor.AlarmCaseId = caseId;
            return new ReadingReceipt(CellId, ReadingOutcomeKind.AlarmRaised, caseId);
        }

        if (!sensor.InAlarm && wasInAlarm && sensor.AlarmCaseId is { } alarm)
        {
            await Case(alarm).AddNoteAsync(reading.SensorId, AlarmReports.FellBack(reading, kind, threshold));
            CaseChanged(alarm);
            return new ReadingReceipt(CellId, ReadingOutcomeKind.AlarmCleared, alarm);
        }

        return new ReadingReceipt(CellId, ReadingOutcomeKind.Recorded, sensor.InAlarm ? sensor.AlarmCaseId : null);
    }

    public async Task<CaseOpening?> GetOpeningAsync(string caseId)
    {
        if (!_openCases.TryGetValue(caseId, out var row))
        {
            return null;
        }

        // Kept in memory until the row is saved, read back after. A row saved before descriptions were kept has none (its
        // case stored its own state, so it is not asked): the headline stands in.
        var description = row.Description ?? await openCases.FindDescriptionAsync(caseId) ?? row.Header.Headline;
        return new CaseOpening(CellId, row.Header, description);
    }

    public async Task SetCaseProgressAsync(string caseId, CaseProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (!_openCases.TryGetValue(caseId, out var row))
        {
            throw new InvalidOperationException($"Cell {CellId} opened no case {caseId}; its status cannot be set here.");
        }

        var status = progress.Status;
        _openCases[caseId] = row with
        {
            Header = row.Header with { Status = status }, Department = progress.Department, DueAt = progress.DueAt, Facts = progress.Facts,
        };
        RowChanged(caseId);
        TalliesChanged(row.Header.OpenedAt);
        Pulse();
        // Stored now, not at the next checkpoint: a dispatcher's step is not in the intake journal to be replayed.
        await SaveRowsAsync();
        if (!CaseLifecycle.IsOpen(status) && row.Merging is { } registration)
        {
            // After the row: a zone that activates meanwhile reads the row and leaves the case out itself.
            await GrainFactory.Zone(registration.Zone).ForgetAsync(caseId);
        }
    }

    public async Task SetFloodRiskAsync(CellFloodRisk risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        state.State.FloodRisk = risk;
        _store.Changed();
        Pulse();
        await _store.FlushAsync();
    }

    public Task<CellPulse> GetPulseAsync() => Task.FromResult(PulseNow());

    // What live views show of the cell goes out when it changes, coalesced per silo (LiveFeed/CellPulses). A report merged
    // into an open case, or a reading that moves nothing shown, sends nothing: in a storm most reports are such.
    private void Pulse()
    {
        var pulse = PulseNow();
        if (_lastPulse is not { } last || last.OpenCases != pulse.OpenCases || last.OverdueCases != pulse.OverdueCases
            || last.Alarms != pulse.Alarms || !ReferenceEquals(last.FloodRisk, pulse.FloodRisk) || !last.Sensors.SequenceEqual(pulse.Sensors))
        {
            _lastPulse = pulse;
            pulses.Changed(pulse);
        }
    }

    private CellPulse PulseNow()
    {
        var now = time.GetUtcNow();
        // Rises with every change, also when two come within a tick, so receivers keep the latest.
        _pulseVersion = Math.Max(_pulseVersion + 1, now.UtcTicks);
        var (open, overdue) = (0, 0);
        foreach (var row in _openCases.Values)
        {
            if (CaseLifecycle.IsOpen(row.Header.Status))
            {
                open++;
                overdue += row.DueAt < now ? 1 : 0;
            }
        }

        var sensors = state.State.Sensors.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Describe(p.Key, p.Value)).ToImmutableArray();
        return new CellPulse(CellId, _pulseVersion, open, overdue, sensors.Count(s => s.InAlarm), sensors, state.State.FloodRisk, now);
    }

    public async Task<CellSnapshot> GetSnapshotAsync()
    {
        // Taken before the awaits: reports processed meanwhile are the next snapshot's.
        var s = state.State;
        var rows = _openCases.Values.OrderByDescending(row => row.Header.OpenedAt).ThenBy(row => row.CaseId, StringComparer.Ordinal).ToArray();
        // Cases opened are counted from the rows, not kept beside them: the rows and the cell's state are two writes, and
        // a replay after a crash between them would count a case again. A closed case keeps its row, so it stays counted.
        var open = rows.Where(row => CaseLifecycle.IsOpen(row.Header.Status)).ToArray();
        var counters = new CellCounters(rows.Length + s.ReportsMerged, s.Retries, rows.Length, open.Length, s.ReportsMerged);
        SensorStatusInfo[] sensors = [.. s.Sensors.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Describe(p.Key, p.Value))];
        // Reports are counted from their links, also those merged here from other cells: every link sent so far is committed first.
        await links.StoredAsync();
        var counts = await links.CountByCasesAsync([.. open.Select(row => row.CaseId)]);
        CaseSummaryInfo[] summaries = [.. open.Select(row => row.Header.WithReports(counts.GetValueOrDefault(row.CaseId)))];
        return new CellSnapshot(CellId, _householdCount, counters, [.. summaries], [.. sensors]) { FloodRisk = s.FloodRisk };
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
        _store.Changed();
        _readingsFlush ??= this.RegisterGrainTimer(
            _ => FlushStateAsync(), new GrainTimerCreationOptions(ReadingsFlushPeriod, ReadingsFlushPeriod) { Interleave = true });
    }

    /// <summary>
    /// Stores the cases this cell changed and waits for the links of the reports it merged or opened cases with, then
    /// stores the cell's changed open case rows, then the cell. Every flush waits for every case dirty when it began,
    /// including cases an overlapping flush is already writing, so the cell is never stored ahead of its cases, and a row
    /// is never stored ahead of its case's first link (a case grain finds its cell through that link).
    /// </summary>
    private async Task FlushStateAsync(bool commitLinksNow = false)
    {
        var flushing = _dirtyCases.Snapshot();
        // Asked only while a link this cell sent may not be stored. The flush waits for the store's next commit rather than
        // forcing one: a checkpoint flushes thousands of cells at once, and a commit forced in the middle of that burst
        // held the acks of intake for hundreds of milliseconds (docs/benchmarks.md).
        var sent = _linksSent;
        var cases = flushing.Select(pair => Case(pair.Key).FlushAsync());
        // All at once: the stores commit writes that arrive together in one transaction.
        await Task.WhenAll(sent <= _linksStored ? cases : cases.Append(commitLinksNow ? links.StoredAsync() : links.StoredByNextCommitAsync()));
        _linksStored = Math.Max(_linksStored, sent);
        _dirtyCases.Stored(flushing);

        // Rows before the cell's state: a state from an earlier version drops its own list only once the rows hold it.
        await SaveRowsAsync();
        await _store.FlushAsync();
    }

    private async Task SaveRowsAsync()
    {
        if (_unsavedRows.Count == 0)
        {
            return;
        }

        var saving = _unsavedRows.Snapshot();
        await openCases.SaveAsync([.. saving.Select(pair => _openCases[pair.Key])]);
        _unsavedRows.Stored(saving);
        foreach (var (caseId, _) in saving)
        {
            // The store holds the description now: a storm's worth of them need not stay in memory.
            if (_openCases.TryGetValue(caseId, out var row) && row.Description is not null && !_unsavedRows.Contains(caseId))
            {
                _openCases[caseId] = row with { Description = null };
            }
        }
    }

    private void CaseChanged(string caseId) => _dirtyCases.Changed(caseId);

    private void RowChanged(string caseId) => _unsavedRows.Changed(caseId);

    /// <summary>
    /// A retry answered from this cell's own state: its case is open here. A retry of a merged report is answered from its
    /// link (<see cref="SkipLinkedBeforeAsync"/>).
    /// </summary>
    private ReportReceipt? AnswerRetry(string ownId)
    {
        if (!_openCases.ContainsKey(ownId))
        {
            return null;
        }

        state.State.Retries++;
        return new ReportReceipt(ownId, CellId, ReportOutcomeKind.Retry);
    }

    /// <summary>
    /// Per report index, the open case it duplicates, or null to open its own; and for those that open their own, where
    /// the zone registered it. Categories that never merge ask no zone.
    /// </summary>
    private async Task<(MergeCandidate?[] Targets, MergeRegistration?[] Registrations)> DecideMergesAsync(
        ImmutableArray<IncomingReport> reports, string[] ownIds, List<int> fresh, GeoLocation[] locations, HashSet<int>? mustOpen)
    {
        var targets = new MergeCandidate?[reports.Length];
        var registrations = new MergeRegistration?[reports.Length];
        var asking = new List<(int Index, MergeQuery Query)>(fresh.Count);
        foreach (var i in fresh)
        {
            var rule = merging.Value.For(reports[i].Category);
            // A petition is one person's: it never merges, nor takes others in.
            if (rule.Merges && reports[i].Kind == CaseKind.Incident)
            {
                asking.Add((i, new MergeQuery(ownIds[i], CellId, reports[i].Category, locations[i], reports[i].ReportedAt, rule.DistanceMeters, rule.Window)
                {
                    MustOpen = mustOpen?.Contains(i) == true,
                }));
            }
        }

        if (asking.Count > 0)
        {
            var queries = new MergeQuery[asking.Count];
            for (var k = 0; k < asking.Count; k++)
            {
                queries[k] = asking[k].Query;
            }

            var decided = await new MergeLookup(GrainFactory, zones, _homeZone).DecideAsync(queries);
            for (var k = 0; k < asking.Count; k++)
            {
                var (index, query) = asking[k];
                targets[index] = decided[k];
                if (decided[k] is null)
                {
                    // As the zone registered it (MergeZoneGrain.Register): the zone's index is rebuilt from these rows.
                    registrations[index] = new MergeRegistration(_homeZone, query.ReportedAt + query.Window);
                }
            }
        }

        return (targets, registrations);
    }

    /// <summary>
    /// Sends links to the store without waiting: the store commits them with many others, and the next flush waits for
    /// its next commit (<see cref="IReportLinkStore.StoredByNextCommitAsync"/>). A store that gives links up fails every
    /// later flush, so the checkpoint stays before their reports.
    /// </summary>
    private void SendLinks(List<ReportLink> sending)
    {
        if (sending.Count > 0)
        {
            _linksSent += sending.Count;
            _ = links.AddAsync(sending).ContinueWith(
                static write => _ = write.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Records the case as open here, unless it already is (a replay, or a retry of a report whose row was lost and is
    /// found again): where and when it opened stays as first recorded.
    /// </summary>
    private void OpenCase(string caseId, IncomingReport report, GeoLocation location, MergeRegistration? registration, DateTimeOffset now)
    {
        if (_openCases.ContainsKey(caseId))
        {
            return;
        }

        LogCaseOpened(logger, caseId, report.Category);

        _openCases[caseId] = new OpenCaseRow(CellId, CaseHeader.OpenedBy(caseId, report, location, now), registration, report.Description);
        RowChanged(caseId);
        TalliesChanged(now);
    }

    public Task<EvaluationReport> EvaluateAsync(DateOnly firstDay, DateOnly lastDay) =>
        Task.FromResult(EvaluationReport.Of(DayTallies.Total(_openCases.Values, firstDay, lastDay)));

    public async Task PushEvaluationAsync()
    {
        if (!_tallies.HasChanges)
        {
            return;
        }

        var (days, tallies) = _tallies.TakeChanged(_openCases.Values);
        try
        {
            await GrainFactory.AreaEvaluation(_cell.AreaCode).ReceiveAsync(CellId, days, tallies);
        }
        catch
        {
            _tallies.Unpushed(days);
            throw;
        }
    }

    // A case of the day changed: its tallies go up to the cell's area after a while, with whatever else changes meanwhile.
    private void TalliesChanged(DateTimeOffset openedAt)
    {
        _tallies.Changed(openedAt);
        ArmEvaluationPush();
    }

    private void ArmEvaluationPush()
    {
        _evaluationPush ??= this.RegisterGrainTimer(
            async _ =>
            {
                _evaluationPush?.Dispose();
                _evaluationPush = null;
                try
                {
                    await PushEvaluationAsync();
                }
                catch
                {
                    // The days stay changed; the next timer tries again.
                    ArmEvaluationPush();
                    throw;
                }
            },
            new GrainTimerCreationOptions(evaluation.Value.CellPushDelay(Random.Shared.NextDouble()), Timeout.InfiniteTimeSpan) { Interleave = true });
    }

    /// <summary>A report that opened its own case: created, or, if it had opened it before, a retry.</summary>
    private ReportReceipt Opened(string caseId, bool before)
    {
        if (before)
        {
            state.State.Retries++;
        }

        return new ReportReceipt(caseId, CellId, before ? ReportOutcomeKind.Retry : ReportOutcomeKind.Created);
    }

    private ICaseGrain Case(string caseId) => GrainFactory.Case(caseId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Opened case {CaseId} ({Category})")]
    private static partial void LogCaseOpened(ILogger logger, string caseId, string category);
}
