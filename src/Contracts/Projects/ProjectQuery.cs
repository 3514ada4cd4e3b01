namespace Governance.Contracts.Projects;

/// <summary>Which projects to list: every filter that is set must hold.</summary>
[GenerateSerializer, Immutable, Alias("ProjectQuery")]
public sealed record class ProjectQuery
{
    /// <summary>Projects in this status; null for all.</summary>
    [Id(0)]
    public ProjectStatus? Status { get; init; }

    /// <summary>Projects serving this area, or a place inside it (an area below, or one of its cells); empty for all.</summary>
    [Id(1)]
    public string Area { get; init; } = "";

    /// <summary>Projects of this priority; null for all.</summary>
    [Id(2)]
    public ProjectPriority? Priority { get; init; }
}
