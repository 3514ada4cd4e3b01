using Governance.City.Map;

namespace Governance.Grains.Projects;

/// <summary>Where a project's place sits in the city: the place itself, then every area above it.</summary>
public static class ProjectPlaces
{
    /// <summary>The place (a cell id or an area code) followed by the areas that contain it, innermost first.</summary>
    public static IReadOnlyList<string> Chain(CityMap city, string place)
    {
        if (city.TryGetCell(place, out var cell))
        {
            return [place, .. city.GetAreaChain(cell.AreaCode).Select(a => a.Code)];
        }

        return [.. city.GetAreaChain(place).Select(a => a.Code)];
    }

    /// <summary>True when the place is <paramref name="area"/> or inside it; everything is inside the city ("").</summary>
    public static bool IsWithin(CityMap city, string place, string area) =>
        area.Length == 0 || Chain(city, place).Contains(area, StringComparer.Ordinal);
}
