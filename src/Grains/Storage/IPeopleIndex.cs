using System.Collections.Immutable;
using Governance.Contracts.Households;
using Governance.Contracts.Residents;

namespace Governance.Grains.Storage;

/// <summary>
/// The rows residents and households are searched by (a read model their grains keep, one row each, written before
/// the grain's own state so a search never misses a stored record), and the one place an ID number is unique. Holds
/// names and tags, and an ID number only as its hash, to find a second file with the same one.
/// </summary>
public interface IPeopleIndex
{
    /// <summary>Writes a resident's row; false, changing nothing, when another resident has the same ID number.</summary>
    Task<bool> PutResidentAsync(ResidentRow row, CancellationToken cancellationToken = default);

    /// <summary>Writes a household's row, and moves its members' rows to its cell.</summary>
    Task PutHouseholdAsync(HouseholdRow row, CancellationToken cancellationToken = default);

    /// <summary>One page of residents matching every filter set, by name then id, starting after the search's last one.</summary>
    Task<IReadOnlyList<ResidentListing>> SearchResidentsAsync(ResidentSearch search, CancellationToken cancellationToken = default);

    /// <summary>One page of a cell's household ids, in order, after <paramref name="after"/>.</summary>
    Task<IReadOnlyList<string>> HouseholdsInCellAsync(string cellId, string after, int limit, CancellationToken cancellationToken = default);

    /// <summary>Replaces a resident's due visits, one per need, with these.</summary>
    Task PutVisitsDueAsync(string residentId, string cellId, string name, IReadOnlyList<VisitDueRow> visits, CancellationToken cancellationToken = default);

    /// <summary>One page of due visits, soonest due (most overdue) first.</summary>
    Task<IReadOnlyList<DueVisit>> ListDueVisitsAsync(DueVisitQuery query, CancellationToken cancellationToken = default);

    /// <summary>Makes <paramref name="workerId"/> the grid worker of the cell; empty to leave it without one.</summary>
    Task AssignWorkerAsync(string cellId, string workerId, CancellationToken cancellationToken = default);

    /// <summary>The cell's grid worker, or empty.</summary>
    Task<string> WorkerOfAsync(string cellId, CancellationToken cancellationToken = default);

    /// <summary>Visits due before <paramref name="cutoff"/> for which no case was opened at their current due time.</summary>
    Task<IReadOnlyList<DueVisit>> OverdueWithoutCaseAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores an import batch in one transaction, into the register (as seeds of the grains) and the index: new records
    /// are created, records on file with the same values left alone, others refused. Answers the households' outcomes,
    /// then the residents'.
    /// </summary>
    Task<IReadOnlyList<ImportResult>> ImportAsync(PeopleImportBatch batch, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The households' rows, those on file, in no order.</summary>
    Task<IReadOnlyList<HouseholdRow>> HouseholdRowsAsync(IReadOnlyCollection<string> householdIds, CancellationToken cancellationToken = default);

    /// <summary>Every household row of the cells, in no order: a storm warning's read, one query for a whole city.</summary>
    Task<IReadOnlyList<HouseholdRow>> HouseholdRowsInCellsAsync(IReadOnlyCollection<string> cellIds, CancellationToken cancellationToken = default);

    /// <summary>The grid workers of the cells that have one.</summary>
    Task<IReadOnlyDictionary<string, string>> WorkersOfAsync(IReadOnlyCollection<string> cellIds, CancellationToken cancellationToken = default);

    /// <summary>Each cell's lowest household ground, in metres, for the cells that have households.</summary>
    Task<IReadOnlyDictionary<string, double>> LowestGroundAsync(IReadOnlyCollection<string> cellIds, CancellationToken cancellationToken = default);

    /// <summary>How many residents are on file in each cell that has any.</summary>
    Task<IReadOnlyDictionary<string, int>> ResidentsPerCellAsync(CancellationToken cancellationToken = default);

    /// <summary>The ids of every resident on file in the cells, in ordinal order.</summary>
    Task<IReadOnlyList<string>> ResidentIdsInCellsAsync(IReadOnlyCollection<string> cellIds, CancellationToken cancellationToken = default);

    /// <summary>Records that a case was opened for the visit as due at <paramref name="dueAt"/>.</summary>
    Task MarkCaseOpenedAsync(string residentId, string kind, DateTimeOffset dueAt, string caseId, CancellationToken cancellationToken = default);
}

/// <summary>One of a resident's needs as the visit schedule holds it.</summary>
public sealed record VisitDueRow(string Kind, ServiceCadenceKind Cadence, DateTimeOffset DueAt, DateTimeOffset? LastVisitAt);

/// <summary>A resident as the index holds them.</summary>
/// <param name="ResidentId">The resident.</param>
/// <param name="HouseholdId">Their household.</param>
/// <param name="CellId">The household's cell.</param>
/// <param name="Name">Their name, as searched by its start.</param>
/// <param name="Tags">Their special-group tags.</param>
/// <param name="IdNumberHash">The ID number's hash (<see cref="PeopleHashes.IdNumber"/>).</param>
public sealed record ResidentRow(string ResidentId, string HouseholdId, string CellId, string Name, ImmutableArray<string> Tags, string IdNumberHash);

/// <summary>A household as the index holds it: where it is, and what the flood model needs of its building.</summary>
public sealed record HouseholdRow(string HouseholdId, string CellId, double ElevationMeters, int Storey, string Construction, bool Dilapidated, int BuiltYear)
{
    public static HouseholdRow Of(HouseholdDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new HouseholdRow(details.HouseholdId, details.CellId, details.ElevationMeters, details.Storey, details.Construction, details.Dilapidated, details.BuiltYear);
    }
}
