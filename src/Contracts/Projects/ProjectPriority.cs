namespace Governance.Contracts.Projects;

/// <summary>How urgent a project is to the township; the library lists high first.</summary>
[GenerateSerializer, Alias("ProjectPriority")]
public enum ProjectPriority
{
    High = 1,
    Medium = 2,
    Low = 3,
}
