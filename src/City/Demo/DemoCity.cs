using Governance.City.Map;
using Governance.City.Population;

namespace Governance.City.Demo;

/// <summary>A generated city: its map and its household and resident register.</summary>
/// <param name="Map">Districts, streets, communities and cells, with terrain and the river.</param>
/// <param name="Households">Households ordered by id; each lies in a cell of <paramref name="Map"/>.</param>
/// <param name="Residents">Residents ordered by id, each household's members together, head first.</param>
public sealed record DemoCity(CityMap Map, IReadOnlyList<HouseholdRecord> Households, IReadOnlyList<ResidentRecord> Residents);
