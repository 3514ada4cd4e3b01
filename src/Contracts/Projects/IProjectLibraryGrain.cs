using System.Collections.Immutable;

namespace Governance.Contracts.Projects;

/// <summary>
/// The city's project library (项目库), keyed <see cref="GrainKeys.ProjectLibrary"/>: a township's projects number in the
/// thousands and change a few times a day, so one grain holds them all and lists, filters and adds them up in memory.
/// </summary>
[Alias("IProjectLibraryGrain")]
public interface IProjectLibraryGrain : IGrainWithStringKey
{
    /// <summary>Adds a project; stored before it returns.</summary>
    [Alias("Add")]
    Task<Project> AddAsync(ProjectDraft draft);

    /// <summary>Replaces what a project is, if it is still at <paramref name="version"/>; Stale, changing nothing, otherwise.</summary>
    [Alias("Update")]
    Task<ProjectChange> UpdateAsync(string projectId, int version, ProjectDraft draft);

    /// <summary>The project, or null.</summary>
    [Alias("Get"), Orleans.Concurrency.ReadOnly]
    Task<Project?> GetAsync(string projectId);

    /// <summary>The projects that match, high priority first, then the larger budget, then the older.</summary>
    [Alias("List"), Orleans.Concurrency.ReadOnly]
    Task<ImmutableArray<Project>> ListAsync(ProjectQuery query);

    /// <summary>
    /// The budget of the projects serving <paramref name="area"/> ("" for the city) by the places inside it, against
    /// their residents; <paramref name="concentrationFactor"/> null for the configured one.
    /// </summary>
    [Alias("Budget"), Orleans.Concurrency.ReadOnly]
    Task<BudgetBreakdown> BudgetAsync(string area, double? concentrationFactor);
}
