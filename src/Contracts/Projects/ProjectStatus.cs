namespace Governance.Contracts.Projects;

/// <summary>Where a project stands.</summary>
[GenerateSerializer, Alias("ProjectStatus")]
public enum ProjectStatus
{
    Planned = 1,
    InProgress = 2,
    Done = 3,
}
