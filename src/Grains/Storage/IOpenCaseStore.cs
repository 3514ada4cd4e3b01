using Governance.Contracts.Cases;
using Governance.Contracts.Evaluation;

namespace Governance.Grains.Storage;

/// <summary>
/// One row per case a cell lists as open: its summary, and where duplicate merging registered it. A cell stores only
/// the rows that changed, rather than its whole list of open cases at every checkpoint, and a merge zone builds its index
/// from the rows of its cells instead of storing a copy of its own; both lists grow with the open cases of a storm.
/// </summary>
public interface IOpenCaseStore
{
    /// <summary>
    /// Inserts new rows and, for rows stored before, updates what can change (status, headline: where and when a case
    /// opened and its merge registration stay as first saved). Many callers' rows go in one transaction; completes once
    /// it is committed.
    /// </summary>
    Task SaveAsync(IReadOnlyList<OpenCaseRow> rows, CancellationToken cancellationToken = default);

    /// <summary>The first report's whole description of the case, or null if no row holds one (rows saved before it was kept).</summary>
    Task<string?> FindDescriptionAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>The open cases of the cell, without their descriptions.</summary>
    Task<IReadOnlyList<OpenCaseRow>> ListByCellAsync(string cellId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The cases registered in the merge zone whose window is still open at the newest first report among them (merging
    /// counts time from the reports it sees, not the clock, so that old reports replayed today merge as they did then).
    /// </summary>
    Task<IReadOnlyList<OpenCaseRow>> ListMergeableAsync(string zone, CancellationToken cancellationToken = default);
}

/// <summary>
/// An open case as its cell lists it; <paramref name="Merging"/> is null for a case duplicates cannot join. How many reports
/// it has is not here: that is counted from the report links, which duplicates join without the case or its cell.
/// <paramref name="Description"/>, the first report's, is saved with a new row and never changes; lists leave it out (a
/// cell keeps it only until the row is saved), so it is null in a row read back.
/// </summary>
public sealed record OpenCaseRow(string CellId, CaseHeader Header, MergeRegistration? Merging, string? Description = null)
{
    public string CaseId => Header.CaseId;

    /// <summary>The department the case was last dispatched to; empty until dispatched.</summary>
    public string Department { get; init; } = "";

    /// <summary>When the case is due while its handling clock runs; null otherwise.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>What the case's evaluation counts, as of its latest step or rating; nothing yet for a case no one has touched.</summary>
    public CaseFacts Facts { get; init; } = NoFacts;

    private static readonly CaseFacts NoFacts = new();
}

/// <summary>The merge zone a case is registered in, and until when a duplicate may still join it.</summary>
public sealed record MergeRegistration(string Zone, DateTimeOffset Until);
