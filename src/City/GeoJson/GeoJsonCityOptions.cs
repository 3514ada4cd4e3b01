using Governance.City.Map;

namespace Governance.City.GeoJson;

/// <summary>How to turn a GeoJSON FeatureCollection of areas into a city.</summary>
public sealed class GeoJsonCityOptions
{
    /// <summary>The feature property that identifies an area; its value is slugified into the area code.</summary>
    public string CodeProperty { get; init; } = "name";

    /// <summary>The feature property holding the display name; when null or absent the code property's value is used.</summary>
    public string? NameProperty { get; init; }

    /// <summary>Side of a grid square in metres (10–5000).</summary>
    public double CellSizeMeters { get; init; } = CityMap.DefaultCellSizeMeters;

    /// <summary>The city's name; defaults to the file name without extension, or "city" for a stream.</summary>
    public string? CityName { get; init; }

    /// <summary>The level given to every area: a file of neighbourhoods is one level, gridded directly.</summary>
    public AreaLevel Level { get; init; } = AreaLevel.Community;
}
