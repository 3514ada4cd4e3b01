using Governance.Contracts.Cases;

namespace Governance.Grains.Storage;

/// <summary>
/// One row per report that reached a case, written in groups and never changed. A case keeps its reporters here rather
/// than in its own state, which would grow, and be written whole, with every duplicate; a cell finds here where an old
/// duplicate went once it no longer remembers.
/// </summary>
public interface IReportLinkStore
{
    /// <summary>
    /// Stores the links, many callers' in one transaction; completes once they are committed. A report already linked
    /// keeps its first link. A transaction that fails is tried again until it is stored, so callers wait rather than
    /// fail; only a store that stops fails them.
    /// </summary>
    Task AddAsync(IReadOnlyList<ReportLink> links, CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes once every link added before this call is stored: a checkpoint's proof that what was merged so far is
    /// durable, without asking each case.
    /// </summary>
    Task StoredAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Like <see cref="StoredAsync"/>, but without making the store commit now: completes with the next commit the store
    /// makes anyway (when enough links have gathered, or the oldest has waited long enough). For a checkpoint, whose
    /// thousands of cells would otherwise force a commit in the middle of intake all at once.
    /// </summary>
    Task StoredByNextCommitAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The links of those reports that have one, by report id: stored, or added on this silo and not yet committed (a
    /// report's first link wins, as in the store).
    /// </summary>
    Task<IReadOnlyDictionary<string, ReportLink>> FindAsync(IReadOnlyCollection<string> reportIds, CancellationToken cancellationToken = default);

    /// <summary>How many reports are linked to each of the cases (a case with none is left out), in one query.</summary>
    Task<IReadOnlyDictionary<string, int>> CountByCasesAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default);

    /// <summary>Every report linked to the case, oldest report first.</summary>
    Task<IReadOnlyList<ReportLink>> ListByCaseAsync(string caseId, CancellationToken cancellationToken = default);
}

/// <summary>A report (by the id its own case would have) and the case it belongs to, in the cell that case is in.</summary>
public sealed record ReportLink(string ReportId, string CaseId, string CaseCellId, ReporterEntry Reporter);
