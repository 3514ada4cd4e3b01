using System.Collections.Immutable;
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
}

/// <summary>A resident as the index holds them.</summary>
/// <param name="ResidentId">The resident.</param>
/// <param name="HouseholdId">Their household.</param>
/// <param name="CellId">The household's cell.</param>
/// <param name="Name">Their name, as searched by its start.</param>
/// <param name="Tags">Their special-group tags.</param>
/// <param name="IdNumberHash">The ID number's hash (<see cref="PeopleHashes.IdNumber"/>).</param>
public sealed record ResidentRow(string ResidentId, string HouseholdId, string CellId, string Name, ImmutableArray<string> Tags, string IdNumberHash);

/// <summary>A household as the index holds it.</summary>
public sealed record HouseholdRow(string HouseholdId, string CellId);
