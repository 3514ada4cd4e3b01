using Governance.Contracts.Projects;

namespace Governance.Grains.Projects;

/// <summary>What the project library stores (state "projects"): every project, in the order they were added.</summary>
public sealed class ProjectLibraryState
{
    /// <summary>How many projects were added: the next one is prj-{Added + 1}.</summary>
    public int Added { get; set; }

    public List<Project> Projects { get; set; } = [];
}
