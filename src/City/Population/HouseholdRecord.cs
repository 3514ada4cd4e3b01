using Governance.City.Geometry;

namespace Governance.City.Population;

/// <summary>One registered household (户) and the dwelling it lives in.</summary>
/// <param name="Id">"h" and six or more digits, e.g. <c>h000123</c>.</param>
/// <param name="CellCode">The grid cell the dwelling stands in.</param>
/// <param name="Address">District, street, community, building (栋), unit (单元) and room (室), e.g. "江北区滨江街道幸福社区12栋2单元503室".</param>
/// <param name="Location">The building's position; it lies inside the cell.</param>
/// <param name="ElevationMeters">Ground elevation at the building.</param>
/// <param name="Storey">The floor the household lives on, 1 = ground floor.</param>
/// <param name="BuildingStoreys">Floors in the building.</param>
/// <param name="Construction">The building's structure.</param>
/// <param name="BuiltYear">The year the building was completed.</param>
/// <param name="Dilapidated">The building is rated dangerous or dilapidated (危房).</param>
/// <param name="MemberIds">Resident ids, the head first.</param>
public sealed record HouseholdRecord(
    string Id,
    string CellCode,
    string Address,
    GeoPoint Location,
    double ElevationMeters,
    int Storey,
    int BuildingStoreys,
    ConstructionType Construction,
    int BuiltYear,
    bool Dilapidated,
    IReadOnlyList<string> MemberIds);
