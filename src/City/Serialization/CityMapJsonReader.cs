using System.Text;
using System.Text.Json;
using Governance.City.Geometry;
using Governance.City.Map;
using static Governance.City.Serialization.JsonTokens;
using N = Governance.City.Serialization.CityMapJsonNames;

namespace Governance.City.Serialization;

/// <summary>
/// Reads the stored form (see <see cref="CityMapJsonNames"/>) straight into map objects with a forward-only
/// reader: the city is reloaded on every start, and this is several times faster than materialising
/// intermediate arrays. Unknown properties are skipped, so a newer writer can add some.
/// </summary>
internal static class CityMapJsonReader
{
    public static CityMap Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        try
        {
            return ReadDocument(ref reader);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new CityFormatException(null, $"Not a stored city: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new CityFormatException(null, $"Stored city is inconsistent: {e.Message}", e);
        }
    }

    private static CityMap ReadDocument(ref Utf8JsonReader reader)
    {
        Next(ref reader, JsonTokenType.StartObject);
        var buffer = new List<double>(64);
        string? name = null;
        double? cellSize = null, referenceLatitude = null;
        GeoPoint? origin = null;
        List<Area>? areas = null;
        List<GeoPoint[]> rivers = [];
        List<StoredCell>? cells = null;
        var formatSeen = false;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals(N.Format))
            {
                var format = Int(ref reader);
                formatSeen = format == N.CurrentFormat
                    ? true
                    : throw new JsonException($"format {format} is not the supported format {N.CurrentFormat}");
            }
            else if (reader.ValueTextEquals(N.Name))
            {
                name = String(ref reader);
            }
            else if (reader.ValueTextEquals(N.CellSize))
            {
                cellSize = Double(ref reader);
            }
            else if (reader.ValueTextEquals(N.Origin))
            {
                origin = Point(ref reader, buffer);
            }
            else if (reader.ValueTextEquals(N.ReferenceLatitude))
            {
                referenceLatitude = Double(ref reader);
            }
            else if (reader.ValueTextEquals(N.Areas))
            {
                areas = Array(ref reader, buffer, ReadArea);
            }
            else if (reader.ValueTextEquals(N.Rivers))
            {
                rivers = Array(ref reader, buffer, Points);
            }
            else if (reader.ValueTextEquals(N.Cells))
            {
                cells = Array(ref reader, buffer, ReadCell);
            }
            else
            {
                Skip(ref reader);
            }
        }

        if (reader.Read())
        {
            throw new JsonException("unexpected content after the city");
        }

        if (!formatSeen || name is null || cellSize is null || origin is null || referenceLatitude is null || areas is null || cells is null)
        {
            throw new JsonException("format, name, cellSize, origin, refLat, areas and cells are all required");
        }

        var projection = new LocalProjection(origin.Value, referenceLatitude.Value);
        var cellInfos = cells.Select(c => new CellInfo(
            CityMapValidator.Format(c.Area, c.Column, c.Row), c.Area, c.Column, c.Row, c.Centroid,
            c.Shape ?? GridSquare.Polygon(projection, cellSize.Value, c.Column, c.Row),
            c.SquareMeters, c.Elevation, c.RiverDistance)).ToArray();
        return new CityMap(name, cellSize.Value, projection, areas, cellInfos, rivers);
    }

    private static Area ReadArea(ref Utf8JsonReader reader, List<double> buffer)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        string? code = null, name = null, level = null, parent = null;
        GeoMultiPolygon? boundary = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals(N.AreaCode))
            {
                code = String(ref reader);
            }
            else if (reader.ValueTextEquals(N.AreaName))
            {
                name = String(ref reader);
            }
            else if (reader.ValueTextEquals(N.AreaLevel))
            {
                level = String(ref reader);
            }
            else if (reader.ValueTextEquals(N.AreaParent))
            {
                parent = String(ref reader);
            }
            else if (reader.ValueTextEquals(N.AreaBoundary))
            {
                reader.Read();
                boundary = Shape(ref reader, buffer);
            }
            else
            {
                Skip(ref reader);
            }
        }

        return code is null || name is null || level is null
            ? throw new JsonException("an area needs a code, a name and a level")
            : new Area(code, name, Level(level), parent, boundary);
    }

    private static StoredCell ReadCell(ref Utf8JsonReader reader, List<double> buffer)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        string? area = null;
        int? column = null, row = null;
        GeoPoint? centroid = null;
        double? squareMeters = null, elevation = null, riverDistance = null;
        GeoMultiPolygon? shape = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals(N.CellArea))
            {
                area = String(ref reader);
            }
            else if (reader.ValueTextEquals(N.CellColumn))
            {
                column = Int(ref reader);
            }
            else if (reader.ValueTextEquals(N.CellRow))
            {
                row = Int(ref reader);
            }
            else if (reader.ValueTextEquals(N.CellCentroid))
            {
                centroid = Point(ref reader, buffer);
            }
            else if (reader.ValueTextEquals(N.CellSquareMeters))
            {
                squareMeters = Double(ref reader);
            }
            else if (reader.ValueTextEquals(N.CellShape))
            {
                reader.Read();
                shape = Shape(ref reader, buffer);
            }
            else if (reader.ValueTextEquals(N.CellElevation))
            {
                elevation = Double(ref reader);
            }
            else if (reader.ValueTextEquals(N.CellRiverDistance))
            {
                riverDistance = Double(ref reader);
            }
            else
            {
                Skip(ref reader);
            }
        }

        return area is null || column is null || row is null || centroid is null || squareMeters is null
            ? throw new JsonException("a cell needs an area, column, row, centroid and area in m²")
            : new StoredCell(area, column.Value, row.Value, centroid.Value, squareMeters.Value, elevation, riverDistance, shape);
    }

    /// <summary>Only the names the writer uses: Enum.Parse would also take "7" and make an undefined level.</summary>
    private static AreaLevel Level(string name)
    {
        foreach (var level in Enum.GetValues<AreaLevel>())
        {
            if (level.ToString() == name)
            {
                return level;
            }
        }

        throw new JsonException($"'{name}' is not an area level");
    }

    /// <summary>A cell as stored, before the projection (which may come later in the file) is known.</summary>
    private readonly record struct StoredCell(
        string Area, int Column, int Row, GeoPoint Centroid, double SquareMeters, double? Elevation, double? RiverDistance, GeoMultiPolygon? Shape);
}
