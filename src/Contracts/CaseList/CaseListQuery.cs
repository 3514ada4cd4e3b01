using System.Collections.Immutable;
using Governance.Contracts.Cases;

namespace Governance.Contracts.CaseList;

/// <summary>
/// Which cases to list and how: every filter that is set must hold. The gateway resolves an area to
/// <see cref="AreaPath"/> (any level) or <see cref="CellId"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("CaseListQuery")]
public sealed record class CaseListQuery
{
    /// <summary>Cases in this area or below it: a path such as "/district/street/", as <c>CityMap.AreaPath</c> writes it.</summary>
    [Id(0)]
    public string? AreaPath { get; init; }

    /// <summary>True when <see cref="AreaPath"/> is a lowest-level area (a community): its cases' paths are exactly it.</summary>
    [Id(12)]
    public bool AreaIsLowest { get; init; }

    /// <summary>Cases in this grid cell.</summary>
    [Id(1)]
    public string? CellId { get; init; }

    /// <summary>Cases in any of these statuses; empty for all.</summary>
    [Id(2)]
    public ImmutableArray<CaseStatusKind> Statuses { get; init; } = [];

    /// <summary>Cases of this kind.</summary>
    [Id(3)]
    public CaseKind? Kind { get; init; }

    /// <summary>Cases of this category: an exact code, or "prefix.*" for every code under it.</summary>
    [Id(4)]
    public string? Category { get; init; }

    /// <summary>Cases last dispatched to this department.</summary>
    [Id(5)]
    public string? Department { get; init; }

    /// <summary>Only cases past due and not yet handled (their clock running), as of the time the list is made.</summary>
    [Id(6)]
    public bool OverdueOnly { get; init; }

    /// <summary>Cases opened at or after this time.</summary>
    [Id(7)]
    public DateTimeOffset? OpenedFrom { get; init; }

    /// <summary>Cases opened before this time.</summary>
    [Id(8)]
    public DateTimeOffset? OpenedBefore { get; init; }

    [Id(9)]
    public CaseListSort Sort { get; init; } = CaseListSort.NewestFirst;

    /// <summary>At most this many cases.</summary>
    [Id(10)]
    public int PageSize { get; init; } = 50;

    /// <summary>Where the previous page ended; null for the first page.</summary>
    [Id(11)]
    public CaseListCursor? After { get; init; }
}
