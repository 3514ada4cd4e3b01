namespace Governance.Contracts.Projects;

/// <summary>What became of a change asked of the library.</summary>
[GenerateSerializer, Alias("ProjectOutcome")]
public enum ProjectOutcome
{
    Made = 1,

    /// <summary>No project has that id.</summary>
    NotFound = 2,

    /// <summary>The project changed since the version the update was made from.</summary>
    Stale = 3,
}

/// <summary>A change asked of the library: made (with the project after it), or refused with the reason.</summary>
[GenerateSerializer, Immutable, Alias("ProjectChange")]
public sealed record class ProjectChange(
    [property: Id(0)] ProjectOutcome Outcome,
    [property: Id(1)] Project? Project,
    [property: Id(2)] string Reason);
