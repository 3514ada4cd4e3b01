namespace Governance.Contracts.Projects;

/// <summary>A project in the township's library (项目库).</summary>
/// <param name="ProjectId">"prj-1", "prj-2" … in the order they were added.</param>
/// <param name="Draft">What it is.</param>
/// <param name="AddedAt">When it was added.</param>
/// <param name="UpdatedAt">When it was last changed.</param>
/// <param name="Version">1 when added, one more at every change: an update names the version it was made from.</param>
[GenerateSerializer, Immutable, Alias("Project")]
public sealed record class Project(
    [property: Id(0)] string ProjectId,
    [property: Id(1)] ProjectDraft Draft,
    [property: Id(2)] DateTimeOffset AddedAt,
    [property: Id(3)] DateTimeOffset UpdatedAt,
    [property: Id(4)] int Version);
