namespace Governance.Contracts.Projects;

/// <summary>What a project is, as it is added to the library or changed there; the gateway has checked every field.</summary>
/// <param name="Name">What it is called, e.g. "East village drainage ditch".</param>
/// <param name="Priority">How urgent it is.</param>
/// <param name="BudgetYuan">Its budget in whole yuan: money is counted in integers, never in floating point.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Area">The place it serves: an area code (district, street, community) or a cell id.</param>
/// <param name="Responsible">The person who answers for it (责任人).</param>
[GenerateSerializer, Immutable, Alias("ProjectDraft")]
public sealed record class ProjectDraft(
    [property: Id(0)] string Name,
    [property: Id(1)] ProjectPriority Priority,
    [property: Id(2)] long BudgetYuan,
    [property: Id(3)] ProjectStatus Status,
    [property: Id(4)] string Area,
    [property: Id(5)] string Responsible);
