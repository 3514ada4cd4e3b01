using System.Text.Json;
using Governance.City.Geometry;

namespace Governance.City.Serialization;

/// <summary>Reads one item of an array; the reader stands on the item's first token.</summary>
internal delegate T JsonItemReader<T>(ref Utf8JsonReader reader, List<double> buffer);

/// <summary>
/// Forward-only reading of the stored city's building blocks. Each method checks the token it expects and
/// throws <see cref="JsonException"/> with the position otherwise. The shared buffer collects one coordinate
/// list at a time, so reading thousands of rings allocates only their final arrays.
/// </summary>
internal static class JsonTokens
{
    /// <summary>Reads an array value whose items start at the reader's next token.</summary>
    public static List<T> Array<T>(ref Utf8JsonReader reader, List<double> buffer, JsonItemReader<T> item)
    {
        Next(ref reader, JsonTokenType.StartArray);
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(item(ref reader, buffer));
        }

        return items;
    }

    /// <summary>polygons → rings → flat coordinates, starting at the current StartArray token.</summary>
    public static GeoMultiPolygon Shape(ref Utf8JsonReader reader, List<double> buffer)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var polygons = new List<GeoPolygon>(1);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.StartArray);
            var rings = new List<IReadOnlyList<GeoPoint>>(1);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                rings.Add(Points(ref reader, buffer));
            }

            polygons.Add(new GeoPolygon(rings));
        }

        return new GeoMultiPolygon(polygons);
    }

    /// <summary>A flat [lat, lon, lat, lon, …] array starting at the current StartArray token.</summary>
    public static GeoPoint[] Points(ref Utf8JsonReader reader, List<double> buffer)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        buffer.Clear();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            buffer.Add(reader.GetDouble());
        }

        if (buffer.Count % 2 != 0)
        {
            throw new JsonException("a coordinate list has an odd number of values");
        }

        var points = new GeoPoint[buffer.Count / 2];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = new GeoPoint(buffer[2 * i], buffer[(2 * i) + 1]);
        }

        return points;
    }

    public static GeoPoint Point(ref Utf8JsonReader reader, List<double> buffer)
    {
        reader.Read();
        var points = Points(ref reader, buffer);
        return points.Length == 1 ? points[0] : throw new JsonException("a point is [lat, lon]");
    }

    public static bool NextProperty(ref Utf8JsonReader reader) =>
        reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    public static void Skip(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    public static string String(ref Utf8JsonReader reader)
    {
        Next(ref reader, JsonTokenType.String);
        return reader.GetString()!;
    }

    public static double Double(ref Utf8JsonReader reader)
    {
        Next(ref reader, JsonTokenType.Number);
        return reader.GetDouble();
    }

    public static int Int(ref Utf8JsonReader reader)
    {
        Next(ref reader, JsonTokenType.Number);
        return reader.GetInt32();
    }

    public static void Next(ref Utf8JsonReader reader, JsonTokenType expected)
    {
        reader.Read();
        Expect(ref reader, expected);
    }

    public static void Expect(ref Utf8JsonReader reader, JsonTokenType expected)
    {
        if (reader.TokenType != expected)
        {
            throw new JsonException($"expected {expected} but found {reader.TokenType} at byte {reader.TokenStartIndex}");
        }
    }
}
