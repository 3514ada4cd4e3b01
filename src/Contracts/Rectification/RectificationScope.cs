namespace Governance.Contracts.Rectification;

/// <summary>
/// Which tasks a dashboard covers: the rectification cases of one inspection, whose categories are
/// "rectification.&lt;inspection&gt;.&lt;topic&gt;", optionally in one area (resolved by the gateway as a case list's area is).
/// </summary>
/// <param name="Inspection">The inspection's code: one category segment, e.g. "2026-provincial".</param>
[GenerateSerializer, Immutable, Alias("RectificationScope")]
public sealed record class RectificationScope([property: Id(0)] string Inspection)
{
    /// <summary>What every rectification category starts with (the routing rules' "rectification.*").</summary>
    public const string CategoryRoot = "rectification.";

    /// <summary>Tasks in this area or below it: a path such as "/district/street/", as <c>CityMap.AreaPath</c> writes it.</summary>
    [Id(1)]
    public string? AreaPath { get; init; }

    /// <summary>True when <see cref="AreaPath"/> is a lowest-level area (a community).</summary>
    [Id(2)]
    public bool AreaIsLowest { get; init; }

    /// <summary>Tasks in this grid cell.</summary>
    [Id(3)]
    public string? CellId { get; init; }

    /// <summary>What the categories of the inspection's tasks start with: "rectification.&lt;inspection&gt;.".</summary>
    public string CategoryPrefix => $"{CategoryRoot}{Inspection}.";

    /// <summary>The case list's filter for them: "rectification.&lt;inspection&gt;.*".</summary>
    public string CategoryFilter => CategoryPrefix + "*";
}
