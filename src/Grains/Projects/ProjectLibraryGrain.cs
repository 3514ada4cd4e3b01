using System.Collections.Immutable;
using Governance.City.Map;
using Governance.Contracts.Projects;
using Governance.Grains.Clock;
using Governance.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Governance.Grains.Projects;

/// <summary>
/// The city's project library. Every project is held in one state and stored before each answer; lists and budget
/// breakdowns are computed from it in memory, with the residents per cell read from the people index when asked.
/// </summary>
public sealed class ProjectLibraryGrain(
    [PersistentState("projects", StoreNames.Main)] IPersistentState<ProjectLibraryState> state,
    CityMap city,
    IPeopleIndex people,
    CityClock time,
    IOptions<ProjectsOptions> options) : Grain, IProjectLibraryGrain
{
    public async Task<Project> AddAsync(ProjectDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = time.GetUtcNow();
        var project = new Project($"prj-{state.State.Added + 1}", draft, now, now, 1);
        state.State.Added++;
        state.State.Projects.Add(project);
        await this.WriteOrUndoAsync(state);
        return project;
    }

    public async Task<ProjectChange> UpdateAsync(string projectId, int version, ProjectDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var at = state.State.Projects.FindIndex(p => p.ProjectId == projectId);
        if (at < 0)
        {
            return new ProjectChange(ProjectOutcome.NotFound, null, $"the library has no project '{projectId}'");
        }

        var current = state.State.Projects[at];
        if (current.Version != version)
        {
            return new ProjectChange(ProjectOutcome.Stale, current,
                $"{projectId} is at version {current.Version}, not {version}: it was changed since it was read; read it again and make the change on that");
        }

        var changed = current with { Draft = draft, UpdatedAt = time.GetUtcNow(), Version = version + 1 };
        state.State.Projects[at] = changed;
        await this.WriteOrUndoAsync(state);
        return new ProjectChange(ProjectOutcome.Made, changed, "");
    }

    public Task<Project?> GetAsync(string projectId) =>
        Task.FromResult(state.State.Projects.FirstOrDefault(p => p.ProjectId == projectId));

    public Task<ImmutableArray<Project>> ListAsync(ProjectQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var found = state.State.Projects
            .Where(p => query.Status is not { } status || p.Draft.Status == status)
            .Where(p => query.Priority is not { } priority || p.Draft.Priority == priority)
            .Where(p => city.IsWithin(p.Draft.Area, query.Area))
            .OrderBy(p => p.Draft.Priority)
            .ThenByDescending(p => p.Draft.BudgetYuan)
            .ThenBy(p => p.AddedAt)
            .ThenBy(p => p.ProjectId.Length)
            .ThenBy(p => p.ProjectId, StringComparer.Ordinal);
        return Task.FromResult<ImmutableArray<Project>>([.. found]);
    }

    public async Task<BudgetBreakdown> BudgetAsync(string area, double? concentrationFactor)
    {
        var residents = await people.ResidentsPerCellAsync();
        return BudgetConcentration.Of(city, state.State.Projects, residents, area, concentrationFactor ?? options.Value.ConcentrationFactor);
    }
}
