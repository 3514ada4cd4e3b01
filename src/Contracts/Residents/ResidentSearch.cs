using System.Collections.Immutable;

namespace Governance.Contracts.Residents;

/// <summary>Which residents to list: every filter that is not empty must hold. Pages follow on after (name, resident id).</summary>
[GenerateSerializer, Immutable, Alias("ResidentSearch")]
public sealed record class ResidentSearch(
    [property: Id(0)] string CellId,
    [property: Id(1)] string Tag,
    [property: Id(2)] string NamePrefix,
    [property: Id(3)] string HouseholdId,
    [property: Id(4)] int Limit)
{
    /// <summary>The name of the page before's last resident; with <see cref="AfterId"/>, where this page starts. Null for the first.</summary>
    [Id(5)]
    public string? AfterName { get; init; }

    [Id(6)]
    public string AfterId { get; init; } = "";
}

/// <summary>A resident as a search lists them: enough to pick the right one, without their personal data.</summary>
[GenerateSerializer, Immutable, Alias("ResidentListing")]
public sealed record class ResidentListing(
    [property: Id(0)] string ResidentId,
    [property: Id(1)] string HouseholdId,
    [property: Id(2)] string CellId,
    [property: Id(3)] string Name,
    [property: Id(4)] ImmutableArray<string> Tags);
