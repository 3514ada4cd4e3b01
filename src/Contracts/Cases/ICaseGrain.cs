using Orleans.Concurrency;

namespace Governance.Contracts.Cases;

/// <summary>
/// One case, keyed <c>case:&lt;case id&gt;</c>. The id is derived from the first report's (channel, external id),
/// so a retried report lands on the same case and creates nothing. The cell opens the case without calling it (see
/// <see cref="Cells.IGridCellGrain.ProcessAsync"/>); the grain is built from that opening the first time it is called.
/// </summary>
[Alias("ICaseGrain")]
public interface ICaseGrain : IGrainWithStringKey
{
    /// <summary>Adds an entry to the audit trail without changing the status (e.g. an alarm's value fell back).</summary>
    [Alias("AddNote")]
    Task AddNoteAsync(string actor, string note);

    /// <summary>
    /// Stores the case if it changed since it was last stored. Interleaves, so reporters keep joining while the
    /// write waits for its group commit; what they change is carried by the next flush.
    /// </summary>
    [Alias("Flush"), AlwaysInterleave]
    Task FlushAsync();

    /// <summary>
    /// Takes one step of the case's lifecycle if its status allows it, records who, when, why and with what evidence,
    /// and stores the case before answering. A step its status does not allow changes nothing and says which are allowed.
    /// The caller checks that the step brings what it needs first (<see cref="CaseLifecycle.Missing"/>); one that does not is
    /// refused here too.
    /// </summary>
    [Alias("Transition")]
    Task<CaseChangeResult> TransitionAsync(CaseTransition transition);

    /// <summary>
    /// A reporter rates the case once it is closed, once per reporter; stored before answering. The rating's time is
    /// the server's. Refused (nothing changed) before the case is closed, for someone who did not report it, and for a
    /// second rating by the same reporter.
    /// </summary>
    [Alias("Rate")]
    Task<CaseChangeResult> RateAsync(string reporterId, int score, string comment);

    /// <summary>
    /// Escalates the case if its deadline says it is due to (see <see cref="Deadlines.CaseDeadline.EscalationsDue"/>):
    /// records each level reached in its history, stores it, and updates its department's queue. Answers the levels
    /// reached so far; asking again before the next level is due changes nothing.
    /// </summary>
    [Alias("Escalate")]
    Task<int> EscalateAsync();

    /// <summary>The whole case, or null when no case has this id.</summary>
    [Alias("Get")]
    Task<CaseDetails?> GetAsync();
}
