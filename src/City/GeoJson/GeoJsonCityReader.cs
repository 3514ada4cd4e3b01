using System.Text.Json;
using Governance.City.Geometry;
using Governance.City.Grid;
using Governance.City.Map;

namespace Governance.City.GeoJson;

/// <summary>
/// Reads a city from a GeoJSON FeatureCollection of WGS84 Polygon/MultiPolygon areas and grids it. Features of
/// other geometry types are skipped with a warning; malformed input throws <see cref="CityFormatException"/>
/// naming the zero-based feature index and the reason.
/// </summary>
public static class GeoJsonCityReader
{
    public static GeoJsonReadResult Read(string path, GeoJsonCityOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        using var stream = File.OpenRead(path);
        return Read(stream, options, options.CityName ?? Path.GetFileNameWithoutExtension(path));
    }

    public static GeoJsonReadResult Read(Stream stream, GeoJsonCityOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        return Read(stream, options, options.CityName ?? "city");
    }

    private static GeoJsonReadResult Read(Stream stream, GeoJsonCityOptions options, string cityName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new CityFormatException(null, $"not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var warnings = new List<string>();
            var areas = ReadAreas(document.RootElement, options, warnings);
            var map = new GridBuilder { CellSizeMeters = options.CellSizeMeters }.Build(cityName, areas);
            return new GeoJsonReadResult(map, warnings);
        }
    }

    private static List<Area> ReadAreas(JsonElement root, GeoJsonCityOptions options, List<string> warnings)
    {
        if (root.ValueKind != JsonValueKind.Object || !IsType(root, "FeatureCollection"))
        {
            throw new CityFormatException(null, "the document is not a GeoJSON FeatureCollection");
        }

        if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            throw new CityFormatException(null, "the FeatureCollection has no 'features' array");
        }

        // Keyed by the raw code value, so a feature repeated under the same name adds parts to one area.
        var parts = new Dictionary<string, (string Name, List<GeoPolygon> Polygons)>(StringComparer.Ordinal);
        var index = -1;
        foreach (var feature in features.EnumerateArray())
        {
            index++;
            if (feature.ValueKind != JsonValueKind.Object || !IsType(feature, "Feature"))
            {
                throw new CityFormatException(index, "not a GeoJSON Feature");
            }

            var code = ReadProperty(feature, options.CodeProperty)
                ?? throw new CityFormatException(index, $"property '{options.CodeProperty}' is missing or empty");
            var name = (options.NameProperty is null ? null : ReadProperty(feature, options.NameProperty)) ?? code;
            var polygons = ReadGeometry(feature, index, code, warnings);
            if (polygons is null)
            {
                continue;
            }

            if (parts.TryGetValue(code, out var existing))
            {
                existing.Polygons.AddRange(polygons);
                warnings.Add($"Feature {index} ('{code}'): same {options.CodeProperty} as an earlier feature, merged into one area.");
            }
            else
            {
                parts.Add(code, (name, polygons));
            }
        }

        if (parts.Count == 0)
        {
            throw new CityFormatException(null, "no Polygon or MultiPolygon feature to build a city from");
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        var areas = new List<Area>(parts.Count);
        foreach (var (raw, (name, polygons)) in parts)
        {
            var slug = AreaCodes.Slugify(raw);
            var code = AreaCodes.MakeUnique(slug, taken);
            if (code != slug)
            {
                warnings.Add($"Area '{raw}': code '{slug}' was taken, using '{code}'.");
            }

            areas.Add(new Area(code, name, options.Level, null, new GeoMultiPolygon(polygons)));
        }

        return areas;
    }

    private static List<GeoPolygon>? ReadGeometry(JsonElement feature, int index, string code, List<string> warnings)
    {
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
        {
            warnings.Add($"Feature {index} ('{code}'): no geometry, skipped.");
            return null;
        }

        var type = geometry.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type is not ("Polygon" or "MultiPolygon"))
        {
            warnings.Add($"Feature {index} ('{code}'): geometry type '{type}' is not Polygon or MultiPolygon, skipped.");
            return null;
        }

        if (!geometry.TryGetProperty("coordinates", out var coordinates))
        {
            throw new CityFormatException(index, $"{type} geometry has no coordinates");
        }

        return type == "Polygon"
            ? GeoJsonGeometry.ReadPolygon(coordinates, index)
            : GeoJsonGeometry.ReadMultiPolygon(coordinates, index);
    }

    private static string? ReadProperty(JsonElement feature, string property)
    {
        if (!feature.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object
            || !properties.TryGetProperty(property, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static bool IsType(JsonElement element, string type) =>
        element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == type;
}
