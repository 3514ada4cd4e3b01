using System.ComponentModel.DataAnnotations;
using Governance.City.Map;

namespace Governance.Silo.Cities;

/// <summary>Which city the silo serves (section "City"): the demo city, or areas read from a GeoJSON file.</summary>
public sealed class CityOptions
{
    public const string Section = "City";

    /// <summary>A GeoJSON FeatureCollection of the city's areas; empty for the generated demo city.</summary>
    public string? GeoJson { get; set; }

    /// <summary>The feature property that holds each area's code or name.</summary>
    [Required]
    public string CodeProperty { get; set; } = "name";

    /// <summary>Edge of a grid square in metres.</summary>
    [Range(CityMap.MinCellSizeMeters, CityMap.MaxCellSizeMeters)]
    public double CellSizeMeters { get; set; } = CityMap.DefaultCellSizeMeters;

    /// <summary>The city's display name; by default the file's name or the demo city's.</summary>
    public string? Name { get; set; }

    /// <summary>Seed of the demo city's generator: the same seed gives the same city.</summary>
    public int DemoSeed { get; set; } = 20261123;
}
