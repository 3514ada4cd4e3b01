namespace Governance.Silo.Cities;

/// <summary>The city record of the register: where the city came from, and its map.</summary>
/// <param name="Source">"demo:&lt;seed&gt;" or the GeoJSON file's full path.</param>
/// <param name="CodeProperty">The property the areas' codes were read from (GeoJSON only).</param>
/// <param name="CellSizeMeters">Edge of a grid square.</param>
/// <param name="CreatedAt">When the city was stored.</param>
/// <param name="MapJson">The city map, as <see cref="Governance.City.Map.CityMap.ToJson"/> wrote it.</param>
public sealed record StoredCity(string Source, string? CodeProperty, double CellSizeMeters, DateTimeOffset CreatedAt, string MapJson);
