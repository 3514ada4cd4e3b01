using Governance.City.Geometry;

namespace Governance.City.Map;

/// <summary>An administrative area of the city: a district, street or community.</summary>
/// <param name="Code">A slug (see <see cref="AreaCodes"/>), unique in the city; part of every cell code in it.</param>
/// <param name="Name">The display name, e.g. "江北区" or "Back Bay".</param>
/// <param name="Level">Its administrative level.</param>
/// <param name="ParentCode">The area it belongs to, or null for a top-level area.</param>
/// <param name="Boundary">
/// Its outline. Required for the lowest-level areas, those that are no other area's parent, because the grid is
/// cut from them and <see cref="CityMap.Locate(double, double)"/> tests against them; optional for the others.
/// </param>
public sealed record Area(string Code, string Name, AreaLevel Level, string? ParentCode, GeoMultiPolygon? Boundary);
