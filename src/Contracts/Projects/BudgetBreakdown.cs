using System.Collections.Immutable;

namespace Governance.Contracts.Projects;

/// <summary>
/// The budget of the projects serving an area, split among the places directly inside it (its child areas, or the
/// cells of a community), set against where its residents live.
/// </summary>
/// <param name="Area">The area broken down; empty for the whole city.</param>
/// <param name="ConcentrationFactor">A place is warned about when its budget share exceeds this many times its resident share.</param>
/// <param name="Rows">One per place inside the area, in map order.</param>
/// <param name="WholeArea">Budget of projects that serve the area as a whole (not one place inside it): counted in the totals, in no row's share.</param>
/// <param name="Totals">Every project serving the area or a place in it, by status.</param>
/// <param name="Residents">Residents on file in the area.</param>
[GenerateSerializer, Immutable, Alias("BudgetBreakdown")]
public sealed record class BudgetBreakdown(
    [property: Id(0)] string Area,
    [property: Id(1)] double ConcentrationFactor,
    [property: Id(2)] ImmutableArray<BudgetRow> Rows,
    [property: Id(3)] BudgetByStatus WholeArea,
    [property: Id(4)] BudgetByStatus Totals,
    [property: Id(5)] long Residents);

/// <summary>One place's budget and people.</summary>
/// <param name="Place">An area code, or a cell id when the area broken down is a community.</param>
/// <param name="Budget">The budget of the projects serving the place or anything inside it.</param>
/// <param name="Residents">Residents on file in the place.</param>
/// <param name="BudgetShare">Its budget over the budget of all the rows (0 to 1); 0 when no row has any.</param>
/// <param name="ResidentShare">Its residents over the residents of all the rows (0 to 1); 0 when none are on file.</param>
/// <param name="Concentrated">
/// True when its budget share exceeds the factor times its resident share: the "all the money to the model village"
/// warning. A place with budget and no residents is always warned about.
/// </param>
[GenerateSerializer, Immutable, Alias("BudgetRow")]
public sealed record class BudgetRow(
    [property: Id(0)] string Place,
    [property: Id(1)] BudgetByStatus Budget,
    [property: Id(2)] long Residents,
    [property: Id(3)] double BudgetShare,
    [property: Id(4)] double ResidentShare,
    [property: Id(5)] bool Concentrated);

/// <summary>Whole yuan by project status, and their sum.</summary>
[GenerateSerializer, Immutable, Alias("BudgetByStatus")]
public sealed record class BudgetByStatus(
    [property: Id(0)] long Planned,
    [property: Id(1)] long InProgress,
    [property: Id(2)] long Done)
{
    public static BudgetByStatus None { get; } = new(0, 0, 0);

    [System.Text.Json.Serialization.JsonIgnore]
    public long Total => Planned + InProgress + Done;

    /// <summary>These sums with one more project's budget added.</summary>
    public BudgetByStatus Plus(ProjectStatus status, long yuan) => status switch
    {
        ProjectStatus.Planned => this with { Planned = checked(Planned + yuan) },
        ProjectStatus.InProgress => this with { InProgress = checked(InProgress + yuan) },
        _ => this with { Done = checked(Done + yuan) },
    };
}
