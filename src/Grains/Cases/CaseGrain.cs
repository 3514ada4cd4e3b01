using System.Collections.Immutable;
using Governance.Contracts;
using Governance.Contracts.Cases;
using Governance.Grains.Storage;

namespace Governance.Grains.Cases;

/// <summary>
/// One case, opened once from its first report, then carried through its lifecycle. Stored write-behind: on
/// <see cref="FlushAsync"/> (the intake checkpoint) and on deactivation. Its reporters are rows in the report link
/// store, sent there as they join (the store commits many cases' links together), so a case that thousands of people
/// report stays as small to store as one that one person reported, and a duplicate needs no flush of its case: the
/// checkpoint asks the store once (<see cref="IReportLinkStore.StoredAsync"/>).
/// </summary>
// A storm opens thousands of cases a minute and most then sit untouched for days: collected soon after, they do not
// pile up in memory; the next call reads the case back from the store.
[CollectionAgeLimit(Minutes = 2)]
public sealed class CaseGrain(
    [PersistentState("case", StoreNames.Live)] IPersistentState<CaseState> state,
    IReportLinkStore links,
    TimeProvider time) : Grain, ICaseGrain
{
    private const int HeadlineLength = 120;

    // Reporters whose links are on their way to the store, by report id: counted and listed here until it has them.
    private readonly Dictionary<string, ReporterEntry> _linking = new(StringComparer.Ordinal);

    // The link writes in flight, so a flush or a deactivation can wait for them.
    private readonly HashSet<Task> _linkWrites = [];

    // Reporters whose links are stored. Counted from the store at activation rather than kept in the case's state, so
    // a duplicate changes only the link store, and no crash between the two writes can leave the count wrong.
    private int _linkedReporters;

    // Changes to the case's own state not yet stored are covered by the intake journal until the next checkpoint.
    private WriteBehind _store = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _store = new WriteBehind(() => this.WriteOrForgetAsync(state, DelayDeactivation));
        if (Exists)
        {
            _linkedReporters = await links.CountByCaseAsync(CaseId, cancellationToken);
        }
    }

    private string CaseId => GrainKeys.Strip(this.GetPrimaryKeyString(), GrainKeys.CasePrefix);

    private bool Exists => state.State.IsOpen;

    public Task<CaseOpenResult> OpenAsync(CaseOpening opening)
    {
        if (Exists)
        {
            return Task.FromResult(new CaseOpenResult(CaseId, state.State.CellId, ReportOutcomeKind.Retry, Summarize()));
        }

        var report = opening.Report;
        var now = time.GetUtcNow();
        var first = new ReporterEntry(report.ReporterId, report.Channel, report.ExternalId, report.ReportedAt);
        var waiting = state.State.Waiting;
        _store.Changed();
        state.State = new CaseState
        {
            CellId = opening.CellId,
            Category = report.Category,
            Description = report.Description,
            Location = opening.Location,
            Status = CaseStatusKind.Reported,
            OpenedAt = now,
            FirstReporter = first,
            History = [new CaseEventEntry(now, CaseStatusKind.Reported, report.ReporterId, $"Reported through {report.Channel}.")],
        };
        AddReporters([first, .. waiting]);
        return Task.FromResult(new CaseOpenResult(CaseId, opening.CellId, ReportOutcomeKind.Created, Summarize()));
    }

    public Task<CaseSummaryInfo?> AddReportersAsync(ImmutableArray<IncomingReport> reports)
    {
        var entries = reports.Select(r => new ReporterEntry(r.ReporterId, r.Channel, r.ExternalId, r.ReportedAt)).ToList();
        if (!Exists)
        {
            // The first report is on its way (its cell registered the case at the merge zone): these wait for it.
            state.State.Waiting.AddRange(entries.Where(e => !state.State.Waiting.Any(w => w.Channel == e.Channel && w.ExternalId == e.ExternalId)));
            _store.Changed();
            return Task.FromResult<CaseSummaryInfo?>(null);
        }

        AddReporters(entries);
        return Task.FromResult<CaseSummaryInfo?>(Summarize());
    }

    public Task AddNoteAsync(string actor, string note)
    {
        if (!Exists)
        {
            throw new InvalidOperationException($"Case {CaseId} does not exist; no note can be added.");
        }

        state.State.History.Add(new CaseEventEntry(time.GetUtcNow(), state.State.Status, actor, note));
        _store.Changed();
        return Task.CompletedTask;
    }

    public async Task FlushAsync()
    {
        _linkWrites.RemoveWhere(write => write.IsCompleted);
        if (_linkWrites.Count > 0)
        {
            // Links before state: opening clears the waiting duplicates from the state, and the stored state must not
            // lose them before their links are stored. The store lets links gather; asking for them ends the wait.
            await Task.WhenAll([.. _linkWrites, links.StoredAsync()]);
        }

        await _store.FlushAsync();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Best effort: whatever is not stored here is still in the intake journal and is replayed at start.
        await FlushAsync();
    }

    public async Task<CaseDetails?> GetAsync()
    {
        if (!Exists)
        {
            return null;
        }

        var s = state.State;
        // Taken before the store is asked: a link committed meanwhile leaves this list, and is then in the store's answer.
        var linking = _linking.ToArray();
        var stored = await links.ListByCaseAsync(CaseId);
        var reporters = stored.Select(l => (l.ReportId, l.Reporter))
            .Concat(linking.Select(p => (ReportId: p.Key, Reporter: p.Value)))
            .DistinctBy(r => r.ReportId, StringComparer.Ordinal)
            .Select(r => r.Reporter)
            .Where(r => !IsFirst(r))
            .OrderBy(r => r.ReportedAt);
        return new CaseDetails(
            CaseId, s.CellId, s.Category, s.Description, s.Location, s.Status, s.OpenedAt, [s.FirstReporter!, .. reporters], [.. s.History]);
    }

    // Reporters are counted once per report: a retry or a replay that reaches the case again is dropped here if its link
    // is on its way, and by the store (which keeps a report's first link) if it is stored already.
    private void AddReporters(IEnumerable<ReporterEntry> entries)
    {
        var fresh = new List<ReportLink>();
        foreach (var entry in entries)
        {
            var reportId = CaseIds.ForReport(entry.Channel, entry.ExternalId);
            if (_linking.TryAdd(reportId, entry))
            {
                fresh.Add(new ReportLink(reportId, CaseId, state.State.CellId, entry));
            }
        }

        if (fresh.Count > 0)
        {
            // Finished writes go here, not only at a flush: a case that only gains duplicates is never flushed, and
            // would otherwise keep one task per duplicate for as long as it stays active.
            _linkWrites.RemoveWhere(write => write.IsCompleted);
            var write = LinkAsync(fresh);
            if (!write.IsCompleted)
            {
                _linkWrites.Add(write);
            }
        }
    }

    /// <summary>
    /// Sends the links to the store and counts them once stored; runs on the activation, between its calls. If the store
    /// stops first, the reports are still in the intake journal, which replays them at the next start.
    /// </summary>
    private async Task LinkAsync(List<ReportLink> fresh)
    {
        try
        {
            var added = await links.AddAsync(fresh);
            // A link that was there already was counted before, or stored just before a crash and not yet counted:
            // only the store can tell, so count again (rare: retries and replays).
            _linkedReporters = added.All(isNew => isNew) ? _linkedReporters + added.Length : await links.CountByCaseAsync(CaseId);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The store stopped (the silo is stopping), or could not recount; see above. Nothing waits on this task to
            // learn it: a flush asks the store itself (StoredAsync), which fails for a store that lost links.
        }
        finally
        {
            foreach (var link in fresh)
            {
                _linking.Remove(link.ReportId);
            }
        }
    }

    private bool IsFirst(ReporterEntry entry) =>
        state.State.FirstReporter is { } first && first.Channel == entry.Channel && first.ExternalId == entry.ExternalId;

    private CaseSummaryInfo Summarize()
    {
        var s = state.State;
        var headline = s.Description.Length <= HeadlineLength ? s.Description : s.Description[..HeadlineLength];
        // Until its link is stored, a retry that reached the case again may be counted twice here; the store counts it once.
        var reporters = _linkedReporters + _linking.Count;
        return new CaseSummaryInfo(CaseId, s.Category, s.Status, s.OpenedAt, headline, s.Location, s.FirstReporter!.ReportedAt, reporters);
    }
}
