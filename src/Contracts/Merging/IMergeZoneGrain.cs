using System.Collections.Immutable;

namespace Governance.Contracts.Merging;

/// <summary>
/// The open, mergeable cases of one square zone of the city (a block of cells), keyed <c>zone:&lt;column&gt;.&lt;row&gt;</c>.
/// Duplicate merging asks one zone for most reports instead of every cell within the merge distance, and the zone
/// decides in order, so two duplicates arriving together in one zone make one case, not two.
/// </summary>
[Alias("IMergeZoneGrain")]
public interface IMergeZoneGrain : IGrainWithStringKey
{
    /// <summary>
    /// For each query, in order: the nearest open case it duplicates (here, or its <see cref="MergeQuery.ElsewhereBest"/>
    /// if nearer), or null, in which case the report's own case is registered here as open. A query whose own case is
    /// already registered gets null again, so a retried batch opens the same case.
    /// </summary>
    [Alias("FindOrRegister")]
    Task<ImmutableArray<MergeCandidate?>> FindOrRegisterAsync(ImmutableArray<MergeQuery> queries);

    /// <summary>For each query, the nearest open case here it duplicates, or null; registers nothing.</summary>
    [Alias("Find")]
    Task<ImmutableArray<MergeCandidate?>> FindAsync(ImmutableArray<MergeQuery> queries);

    /// <summary>
    /// The case was closed or rejected: no later report merges into it, however near. Its cell stores the new status
    /// with its row first, so a zone built again later leaves it out too.
    /// </summary>
    [Alias("Forget")]
    Task ForgetAsync(string caseId);
}
