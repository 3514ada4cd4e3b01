using System.Globalization;
using System.Text.Json;
using Governance.City.Geometry;
using Governance.City.Map;

namespace Governance.City.GeoJson;

/// <summary>Reads GeoJSON Polygon and MultiPolygon coordinates (RFC 7946: [longitude, latitude], closed rings).</summary>
internal static class GeoJsonGeometry
{
    public static List<GeoPolygon> ReadPolygon(JsonElement coordinates, int featureIndex, int polygonIndex = 0)
    {
        if (coordinates.ValueKind != JsonValueKind.Array || coordinates.GetArrayLength() == 0)
        {
            throw new CityFormatException(featureIndex, $"polygon {polygonIndex} has no rings");
        }

        var rings = new List<IReadOnlyList<GeoPoint>>();
        var ringIndex = 0;
        foreach (var ring in coordinates.EnumerateArray())
        {
            rings.Add(ReadRing(ring, featureIndex, polygonIndex, ringIndex++));
        }

        return [new GeoPolygon(rings)];
    }

    public static List<GeoPolygon> ReadMultiPolygon(JsonElement coordinates, int featureIndex)
    {
        if (coordinates.ValueKind != JsonValueKind.Array || coordinates.GetArrayLength() == 0)
        {
            throw new CityFormatException(featureIndex, "multipolygon has no polygons");
        }

        var polygons = new List<GeoPolygon>();
        var polygonIndex = 0;
        foreach (var polygon in coordinates.EnumerateArray())
        {
            polygons.AddRange(ReadPolygon(polygon, featureIndex, polygonIndex++));
        }

        return polygons;
    }

    private static GeoPoint[] ReadRing(JsonElement ring, int featureIndex, int polygonIndex, int ringIndex)
    {
        var where = $"ring {ringIndex} of polygon {polygonIndex}";
        if (ring.ValueKind != JsonValueKind.Array || ring.GetArrayLength() < 4)
        {
            throw new CityFormatException(featureIndex, $"{where} needs at least 4 positions");
        }

        var points = new List<GeoPoint>(ring.GetArrayLength());
        foreach (var position in ring.EnumerateArray())
        {
            points.Add(ReadPosition(position, featureIndex, where));
        }

        if (points[0] != points[^1])
        {
            throw new CityFormatException(featureIndex, $"{where} is not closed (its first and last positions differ)");
        }

        // Our rings are open: the closing position repeats the first.
        points.RemoveAt(points.Count - 1);
        return [.. points];
    }

    private static GeoPoint ReadPosition(JsonElement position, int featureIndex, string where)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
            || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
        {
            throw new CityFormatException(featureIndex, $"{where} has a position that is not [longitude, latitude]");
        }

        var longitude = position[0].GetDouble();
        var latitude = position[1].GetDouble();
        var point = new GeoPoint(latitude, longitude);
        if (!point.IsValid)
        {
            throw new CityFormatException(
                featureIndex,
                string.Create(CultureInfo.InvariantCulture, $"{where} has coordinates out of range: longitude {longitude}, latitude {latitude} (WGS84 degrees expected)"));
        }

        return point;
    }
}
