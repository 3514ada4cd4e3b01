using System.Collections.Immutable;
using Governance.Contracts.Common;

namespace Governance.Contracts.Households;

/// <summary>A household (户): where it lives, the building it lives in, and its members. The unit of flood-risk scoring and of one vote.</summary>
/// <param name="HouseholdId">The household id (without the grain key prefix).</param>
/// <param name="CellId">The grid cell of its address.</param>
/// <param name="Address">The postal address as the register writes it.</param>
/// <param name="Location">The building's position.</param>
/// <param name="ElevationMeters">Ground elevation of the building, metres above sea level.</param>
/// <param name="Storey">The floor the household lives on (1 = ground floor).</param>
/// <param name="BuildingStoreys">How many storeys the building has.</param>
/// <param name="Construction">The building's construction: reinforced-concrete, brick-concrete, brick-wood, other.</param>
/// <param name="BuiltYear">The year the building was built.</param>
/// <param name="Dilapidated">Whether the building is rated dilapidated (危房).</param>
/// <param name="MemberIds">Resident ids of its members, head first.</param>
[GenerateSerializer, Immutable, Alias("HouseholdDetails")]
public sealed record class HouseholdDetails(
    [property: Id(0)] string HouseholdId,
    [property: Id(1)] string CellId,
    [property: Id(2)] string Address,
    [property: Id(3)] GeoLocation Location,
    [property: Id(4)] double ElevationMeters,
    [property: Id(5)] int Storey,
    [property: Id(6)] int BuildingStoreys,
    [property: Id(7)] string Construction,
    [property: Id(8)] int BuiltYear,
    [property: Id(9)] bool Dilapidated,
    [property: Id(10)] ImmutableArray<string> MemberIds);
