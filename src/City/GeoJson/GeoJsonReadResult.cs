using Governance.City.Map;

namespace Governance.City.GeoJson;

/// <summary>The city read from a GeoJSON file, and what was skipped or adjusted on the way.</summary>
/// <param name="Map">The gridded city.</param>
/// <param name="Warnings">One line per skipped feature (other geometry types, no geometry) or merged/renamed code.</param>
public sealed record GeoJsonReadResult(CityMap Map, IReadOnlyList<string> Warnings);
