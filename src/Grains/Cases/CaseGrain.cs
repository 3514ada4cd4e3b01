using Governance.Contracts;
using Governance.Contracts.Cases;
using Governance.Grains.Storage;

namespace Governance.Grains.Cases;

/// <summary>
/// One case, opened once from its first report, then carried through its lifecycle. Stored write-behind: on
/// <see cref="FlushAsync"/> (the intake checkpoint) and on deactivation. Its reporters are rows in the report link
/// store: the case sends its first reporter's there as it opens, and the cells send their duplicates' there themselves,
/// so a duplicate costs the case nothing, and a case that thousands of people report stays as small to store as one
/// that one person reported.
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

    // The links this case sent as it opened, until a flush has seen them stored.
    private Task? _openingLinks;

    // Changes to the case's own state not yet stored are covered by the intake journal until the next checkpoint.
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
            return Task.FromResult(new CaseOpenResult(CaseId, state.State.CellId, ReportOutcomeKind.Retry, Header()));
        }

        var report = opening.Report;
        var now = time.GetUtcNow();
        var first = new ReporterEntry(report.ReporterId, report.Channel, report.ExternalId, report.ReportedAt);
        // Stored by versions before cells linked duplicates themselves: duplicates that reached the case before it opened.
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
        ReporterEntry[] joining = [first, .. waiting];
        _openingLinks = links.AddAsync([.. joining.Select(entry => new ReportLink(CaseIds.ForReport(entry.Channel, entry.ExternalId), CaseId, opening.CellId, entry))]);
        return Task.FromResult(new CaseOpenResult(CaseId, opening.CellId, ReportOutcomeKind.Created, Header()));
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
        if (_openingLinks is { IsCompletedSuccessfully: false } opening)
        {
            // Links before state: opening clears the waiting duplicates from the state, and the stored state must not
            // lose them before their links are stored. The store lets links gather; asking for them ends the wait.
            await Task.WhenAll(opening, links.StoredAsync());
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
        // Every reporter acknowledged so far: duplicates' links may still be gathering in the store, and this commits them.
        await links.StoredAsync();
        var stored = await links.ListByCaseAsync(CaseId);
        var reporters = stored.Select(link => link.Reporter).Where(r => !IsFirst(r)).OrderBy(r => r.ReportedAt);
        return new CaseDetails(
            CaseId, s.CellId, s.Category, s.Description, s.Location, s.Status, s.OpenedAt, [s.FirstReporter!, .. reporters], [.. s.History]);
    }

    private bool IsFirst(ReporterEntry entry) =>
        state.State.FirstReporter is { } first && first.Channel == entry.Channel && first.ExternalId == entry.ExternalId;

    private CaseHeader Header()
    {
        var s = state.State;
        var headline = s.Description.Length <= HeadlineLength ? s.Description : s.Description[..HeadlineLength];
        return new CaseHeader(CaseId, s.Category, s.Status, s.OpenedAt, headline, s.Location, s.FirstReporter!.ReportedAt);
    }
}
