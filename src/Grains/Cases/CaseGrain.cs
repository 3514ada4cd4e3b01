using Governance.Contracts;
using Governance.Contracts.Cases;
using Governance.Contracts.Departments;
using Governance.Grains.Clock;
using Governance.Grains.Deadlines;
using Governance.Grains.Evaluation;
using Governance.Grains.Rectification;
using Governance.Grains.Routing;
using Governance.Grains.Storage;
using Governance.Grains.Welfare;

namespace Governance.Grains.Cases;

/// <summary>
/// One case, carried through its lifecycle. Its cell opens it without calling it: a storm opens thousands of cases a
/// minute that nobody asks about for a while, and each would cost an activation and a stored state. The first time the
/// case is called it builds itself from that opening (the first report's link names the cell, the cell's row says how it
/// opened) and stores nothing until it changes. Stored write-behind: on <see cref="FlushAsync"/> (the intake checkpoint,
/// for a case its cell changed) and on deactivation. Its reporters are rows in the report link store.
/// </summary>
// Most cases are called rarely: collected soon after, they do not pile up in memory; the next call reads them back.
[CollectionAgeLimit(Minutes = 2)]
public sealed class CaseGrain(
    [PersistentState("case", StoreNames.Live)] IPersistentState<CaseState> state,
    IReportLinkStore links,
    ClusterLinkCommits clusterLinks,
    RoutingRules routing,
    CityClock time) : Grain, ICaseGrain
{
    // The links of reporters an earlier version kept waiting in the state, until a flush has seen them stored.
    private Task? _waitingLinks;

    // Changes to the case's own state not yet stored are covered by the intake journal until the next checkpoint.
    private WriteBehind _store = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _store = new WriteBehind(() => this.WriteOrForgetAsync(state, DelayDeactivation));
        return Task.CompletedTask;
    }

    private string CaseId => GrainKeys.Strip(this.GetPrimaryKeyString(), GrainKeys.CasePrefix);

    public async Task AddNoteAsync(string actor, string note)
    {
        if (!await ExistsAsync())
        {
            throw new InvalidOperationException($"Case {CaseId} does not exist; no note can be added.");
        }

        state.State.History.Add(new CaseEventEntry(time.GetUtcNow(), state.State.Status, actor, note));
        _store.Changed();
    }

    public async Task<CaseChangeResult> TransitionAsync(CaseTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        if (!await ExistsAsync())
        {
            return new CaseChangeResult(CaseChangeOutcome.NotFound, null, $"There is no case {CaseId}.", []);
        }

        var s = state.State;
        if (CaseLifecycle.Missing(transition) is { IsEmpty: false } missing)
        {
            // The gateway asks for these first; a caller that did not is told the same way.
            return Invalid(missing[0]);
        }

        if (CaseLifecycle.Next(s.Status, transition.Action) is not { } next)
        {
            var allowed = CaseLifecycle.Allowed(s.Status);
            var refusal = $"Case {CaseId} is {CaseLifecycle.Name(s.Status)}; {CaseLifecycle.Name(transition.Action)} is not allowed from there. "
                + (allowed.IsEmpty ? "No step is: the case has ended." : $"Allowed: {string.Join(", ", allowed.Select(CaseLifecycle.Name))}.");
            return new CaseChangeResult(CaseChangeOutcome.NotAllowed, null, refusal, allowed);
        }

        var now = time.GetUtcNow();
        var (kindStep, kindRefusal) = s.Kind switch
        {
            CaseKind.Welfare => WelfareSteps.Decide(s, transition, routing.Welfare, now, CaseId),
            CaseKind.Rectification => RectificationSteps.Decide(s, transition, routing, now),
            _ => (null, null),
        };
        if (kindRefusal is { } refused)
        {
            return refused.Kind == CaseChangeOutcome.Invalid
                ? Invalid((refused.Field, refused.Reason))
                : new CaseChangeResult(refused.Kind, null, refused.Reason, CaseLifecycle.Allowed(s.Status));
        }

        var effect = kindStep is null ? StepEffect.Of(transition.Action) : new StepEffect(kindStep.Clock, kindStep.Routes ? Sending.Route : Sending.None);
        next = kindStep?.Next ?? next;
        // A dispute's level of mediation brings its own department and time; a kind's step may bring its own; every
        // other step, the category's.
        var level = effect.Sends == Sending.Mediation ? CaseLifecycle.MediationLevel(next) : 0;
        var rule = level > 0 ? routing.Mediation[level - 1].Deadline : kindStep?.Rule ?? routing.Deadline(s.Category);
        var (deadline, wrongDue) = DeadlineSteps.After(effect.Clock, transition, s.Deadline, rule, now);
        if (wrongDue is { } wrongField)
        {
            return Invalid(wrongField);
        }

        var due = DeadlineSteps.Describe(effect.SetsDueTime, deadline);
        var note = CaseSteps.Describe(transition, due, kindStep?.Step);
        var heldBefore = CaseHolders.Of(s);
        if (effect.Sends == Sending.Route)
        {
            var (department, routedNote, invalid) = CaseSteps.Dispatch(routing, s.Category, transition, due);
            if (invalid is { } wrong)
            {
                return Invalid(wrong);
            }

            s.Department = department!;
            note = routedNote!;
        }

        if (level > 0)
        {
            s.Department = routing.Mediation[level - 1].Department;
            note = CaseSteps.Describe(transition, due, transition.Action == CaseAction.Mediate
                ? $"Taken up for mediation by {s.Department}."
                : $"Mediation failed at level {level - 1}; up to {s.Department}.");
        }

        if (kindStep is not null)
        {
            s.Department = kindStep.Department ?? s.Department;
            s.Welfare = kindStep.Welfare ?? s.Welfare;
            s.Rectification = kindStep.Rectification ?? s.Rectification;
        }

        if (effect.Clock == ClockEffect.Start)
        {
            s.DispatchedAt = now;
        }

        s.Status = next;
        s.Deadline = deadline;
        s.History.Add(new CaseEventEntry(now, next, transition.Actor.Trim(), note)
        {
            Action = transition.Action,
            Approver = NullIfBlank(transition.Approver),
            Department = effect.Sends != Sending.None || kindStep?.Department is not null ? s.Department : null,
            Evidence = transition.Evidence.IsDefault ? [] : transition.Evidence,
            DueAt = effect.SetsDueTime ? deadline?.DueAt : null,
        });
        _store.Changed();
        // Stored before the answer, and the cell's row after it: a step is not in the intake journal, so what was
        // answered must already be durable.
        await _store.FlushAsync();
        await TellCellAsync();
        await KeepQueuesAsync(heldBefore, now);
        return new CaseChangeResult(CaseChangeOutcome.Taken, await GetAsync(), "", CaseLifecycle.Allowed(next));
    }

    // A step refused for a wrong field: nothing changed.
    private CaseChangeResult Invalid((string Field, string Reason) wrong) =>
        new(CaseChangeOutcome.Invalid, null, wrong.Reason, CaseLifecycle.Allowed(state.State.Status)) { Field = wrong.Field };

    public async Task<CaseChangeResult> RateAsync(string reporterId, int score, string comment)
    {
        if (!await ExistsAsync())
        {
            return new CaseChangeResult(CaseChangeOutcome.NotFound, null, $"There is no case {CaseId}.", []);
        }

        var s = state.State;
        if (score is < CaseRating.MinScore or > CaseRating.MaxScore)
        {
            return new CaseChangeResult(CaseChangeOutcome.Invalid, null, $"{score} is not a score from {CaseRating.MinScore} to {CaseRating.MaxScore}", []) { Field = "score" };
        }

        if (s.Status is not (CaseStatusKind.Closed or CaseStatusKind.Evaluated))
        {
            var refusal = $"Case {CaseId} is {CaseLifecycle.Name(s.Status)}; it can be rated once it is closed.";
            return new CaseChangeResult(CaseChangeOutcome.NotAllowed, null, refusal, CaseLifecycle.Allowed(s.Status));
        }

        if (s.Ratings.Any(r => r.ReporterId == reporterId))
        {
            return new CaseChangeResult(CaseChangeOutcome.NotAllowed, null, $"{reporterId} has rated case {CaseId} already.", CaseLifecycle.Allowed(s.Status));
        }

        // The case as it stands lists every reporter (their links); read once, and answered with the rating added.
        var details = (await GetAsync())!;
        if (!details.Reporters.Any(reporter => reporter.ReporterId == reporterId))
        {
            return new CaseChangeResult(CaseChangeOutcome.Invalid, null, $"{reporterId} did not report case {CaseId}; only its reporters rate it", [])
            {
                Field = "reporter_id",
            };
        }

        s.Ratings.Add(new CaseRating(reporterId, score, comment.Trim(), time.GetUtcNow()));
        _store.Changed();
        // Stored before the answer, as a step is: nothing else would bring it back. The cell's row counts it for evaluation.
        await _store.FlushAsync();
        await TellCellAsync();
        return new CaseChangeResult(CaseChangeOutcome.Taken, details with { Ratings = [.. s.Ratings] }, "", CaseLifecycle.Allowed(s.Status));
    }

    public async Task<int> EscalateAsync()
    {
        if (!await ExistsAsync() || state.State.Deadline is not { } deadline)
        {
            return 0;
        }

        var s = state.State;
        var now = time.GetUtcNow();
        var reached = deadline.EscalationsDue(now, routing.Escalation.Length);
        if (reached <= deadline.Escalations)
        {
            return deadline.Escalations;
        }

        if (CaseLifecycle.MediationLevel(s.Status) is 1 or 2)
        {
            // A level of mediation whose time ran out: the dispute goes up to the next, with its own time.
            var limit = DurationText.Format(deadline.Limit);
            var up = await TransitionAsync(new CaseTransition(CaseAction.Escalate, DeadlineWatch.Actor, $"Not settled within {limit}.", "", "", []));
            return up.Kind == CaseChangeOutcome.Taken ? deadline.Escalations + 1 : deadline.Escalations;
        }

        for (var level = deadline.Escalations + 1; level <= reached; level++)
        {
            s.History.Add(new CaseEventEntry(now, s.Status, DeadlineWatch.Actor, DeadlineSteps.DescribeEscalation(deadline, routing.Escalation[level - 1]))
            {
                EscalationLevel = level,
            });
        }

        s.Deadline = deadline with { Escalations = reached };
        _store.Changed();
        // Stored before the queue shows it, as a step is; the watch asks again if the queue is not updated.
        await _store.FlushAsync();
        await KeepQueuesAsync(CaseHolders.Of(s), now);
        return reached;
    }

    public async Task FlushAsync()
    {
        if (_waitingLinks is { IsCompletedSuccessfully: false } waiting)
        {
            // Links before state: the stored state must not lose the waiting reporters before their links are stored.
            await Task.WhenAll(waiting, links.StoredAsync());
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
        if (!await ExistsAsync())
        {
            return null;
        }

        var s = state.State;
        var now = time.GetUtcNow();
        // Every reporter acknowledged so far: duplicates' links may still be gathering in the store of whichever silo
        // their cell is on, and this commits them.
        await clusterLinks.StoredEverywhereAsync();
        var stored = await links.ListByCaseAsync(CaseId);
        var reporters = stored.Select(link => link.Reporter).Where(r => !IsFirst(r)).OrderBy(r => r.ReportedAt);
        return new CaseDetails(
            CaseId, s.CellId, s.Category, s.Description, s.Location, s.Status, s.OpenedAt, [s.FirstReporter!, .. reporters], [.. s.History])
        {
            Department = s.Department,
            Kind = s.Kind,
            Ratings = [.. s.Ratings],
            Deadline = s.Deadline,
            Overdue = s.Deadline?.IsOverdue(now) ?? false,
            Welfare = s.Kind == CaseKind.Welfare ? WelfareSteps.AsRead(s.Welfare, routing.Welfare) : null,
            Rectification = s.Rectification,
            ProgressReportOverdue = s.Status == CaseStatusKind.Rectifying && s.Rectification is { } rectifying && now > rectifying.NextReportDue,
        };
    }

    /// <summary>
    /// True once the case is in memory: stored by an earlier call, or built now from how its cell opened it. False when
    /// no cell opened a case with this id.
    /// </summary>
    private async Task<bool> ExistsAsync()
    {
        if (state.State.IsOpen)
        {
            return true;
        }

        // The opening's link names the case's cell. This silo's store finds it while still gathering it; a cell on
        // another silo may be gathering it there, so a miss commits every silo's links and looks again.
        var found = await links.FindAsync([CaseId]);
        if (!found.ContainsKey(CaseId))
        {
            await clusterLinks.StoredEverywhereAsync();
            found = await links.FindAsync([CaseId]);
        }

        if (!found.TryGetValue(CaseId, out var first) || first.CaseId != CaseId)
        {
            return false;
        }

        if (await GrainFactory.Cell(first.CaseCellId).GetOpeningAsync(CaseId) is not { } opening)
        {
            return false;
        }

        BuildFrom(opening, first.Reporter);
        return true;
    }

    private void BuildFrom(CaseOpening opening, ReporterEntry firstReporter)
    {
        var header = opening.Header;
        // Stored by versions before cells linked duplicates themselves: duplicates that reached the case before it opened.
        var waiting = state.State.Waiting;
        state.State = new CaseState
        {
            CellId = opening.CellId,
            Category = header.Category,
            Description = opening.Description,
            Location = header.Location,
            Status = header.Status,
            OpenedAt = header.OpenedAt,
            FirstReporter = firstReporter,
            Kind = header.Kind,
            History = [new CaseEventEntry(header.OpenedAt, CaseLifecycle.Initial(header.Kind), firstReporter.ReporterId, $"Reported through {firstReporter.Channel}.")],
        };
        if (waiting.Count > 0)
        {
            _waitingLinks = links.AddAsync([.. waiting.Select(entry => new ReportLink(CaseIds.ForReport(entry.Channel, entry.ExternalId), CaseId, opening.CellId, entry))]);
            _store.Changed();
        }
    }

    // The queues of the departments that owe the case's next move hold it (CaseHolders): out of those it left, and
    // in, or updated, in those it is in now.
    private async Task KeepQueuesAsync(IEnumerable<string> heldBefore, DateTimeOffset now)
    {
        var holders = CaseHolders.Of(state.State);
        foreach (var left in heldBefore.Except(holders))
        {
            await GrainFactory.Department(left).ReleaseAsync(CaseId);
        }

        foreach (var holder in holders)
        {
            await GrainFactory.Department(holder).HoldAsync(QueueEntry(now));
        }
    }

    // The cell's row of the case: where it stands for lists, and what its evaluation counts.
    private Task TellCellAsync()
    {
        var s = state.State;
        var progress = new CaseProgress(s.Status, s.Department, s.Deadline?.IsRunning == true ? s.Deadline.DueAt : null) { Facts = CaseFactsOf.From(s) };
        return GrainFactory.Cell(s.CellId).SetCaseProgressAsync(CaseId, progress);
    }

    private QueuedCaseInfo QueueEntry(DateTimeOffset now)
    {
        var s = state.State;
        return new QueuedCaseInfo(CaseId, s.CellId, s.Category, s.Status, s.DispatchedAt, now) { Deadline = s.Deadline };
    }

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private bool IsFirst(ReporterEntry entry) =>
        state.State.FirstReporter is { } first && first.Channel == entry.Channel && first.ExternalId == entry.ExternalId;
}
