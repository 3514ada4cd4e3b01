using System.Collections.Immutable;
using Governance.Contracts;
using Governance.Contracts.Cases;
using Governance.Grains.Storage;

namespace Governance.Grains.Cases;

/// <summary>
/// One case, opened once from its first report, then carried through its lifecycle. Stored write-behind: on
/// <see cref="FlushAsync"/> (the intake checkpoint) and on deactivation.
/// </summary>
// A storm opens thousands of cases a minute and most then sit untouched for days: collected soon after, they do not
// pile up in memory; the next call reads the case back from the store.
[CollectionAgeLimit(Minutes = 2)]
public sealed class CaseGrain(
    [PersistentState("case", StoreNames.Live)] IPersistentState<CaseState> state,
    TimeProvider time) : Grain, ICaseGrain
{
    private const int HeadlineLength = 120;

    // Changes not yet stored are covered by the intake journal until the next checkpoint.
    private WriteBehind _store = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _store = new WriteBehind(() => this.WriteOrForgetAsync(state, DelayDeactivation));
        return Task.CompletedTask;
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
            Reporters = [new ReporterEntry(report.ReporterId, report.Channel, report.ExternalId, report.ReportedAt)],
            History = [new CaseEventEntry(now, CaseStatusKind.Reported, report.ReporterId, $"Reported through {report.Channel}.")],
        };
        AddReporters(waiting);
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
        await _store.FlushAsync();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Best effort: whatever is not stored here is still in the intake journal and is replayed at start.
        await FlushAsync();
    }

    public Task<CaseDetails?> GetAsync()
    {
        if (!Exists)
        {
            return Task.FromResult<CaseDetails?>(null);
        }

        var s = state.State;
        return Task.FromResult<CaseDetails?>(new CaseDetails(
            CaseId, s.CellId, s.Category, s.Description, s.Location, s.Status, s.OpenedAt, [.. s.Reporters], [.. s.History]));
    }

    private void AddReporters(IEnumerable<ReporterEntry> entries)
    {
        var s = state.State;
        foreach (var entry in entries)
        {
            if (s.Reporters.Any(r => r.Channel == entry.Channel && r.ExternalId == entry.ExternalId))
            {
                continue;
            }

            s.Reporters.Add(entry);
            s.History.Add(new CaseEventEntry(
                time.GetUtcNow(), s.Status, entry.ReporterId, $"Another report of the same matter through {entry.Channel} ({s.Reporters.Count} in all)."));
            _store.Changed();
        }
    }

    private CaseSummaryInfo Summarize()
    {
        var s = state.State;
        var headline = s.Description.Length <= HeadlineLength ? s.Description : s.Description[..HeadlineLength];
        return new CaseSummaryInfo(CaseId, s.Category, s.Status, s.OpenedAt, headline, s.Location, s.Reporters[0].ReportedAt, s.Reporters.Count);
    }
}
