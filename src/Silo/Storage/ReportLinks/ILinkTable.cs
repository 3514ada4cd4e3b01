using Governance.Grains.Storage;

namespace Governance.Silo.Storage.ReportLinks;

/// <summary>
/// Where <see cref="SqlReportLinkStore"/> keeps its links, one layout per database: the store gathers links, retries
/// commits and answers from links not yet committed; a table only stores and finds them.
/// </summary>
internal interface ILinkTable
{
    /// <summary>Stores the links in one transaction; a report already linked keeps its first link.</summary>
    Task CommitAsync(IReadOnlyList<ReportLink> links);

    /// <summary>The stored links of those reports that have one. Called by one loop at a time.</summary>
    Task<List<ReportLink>> FindAsync(string[] reportIds);

    Task<Dictionary<string, int>> CountByCasesAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken);

    /// <summary>Every link of the case, oldest report first.</summary>
    Task<List<ReportLink>> ListByCaseAsync(string caseId, CancellationToken cancellationToken);
}
