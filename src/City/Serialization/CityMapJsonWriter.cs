using System.Buffers;
using System.Text;
using System.Text.Json;
using Governance.City.Geometry;
using Governance.City.Map;
using N = Governance.City.Serialization.CityMapJsonNames;

namespace Governance.City.Serialization;

/// <summary>Writes a <see cref="CityMap"/> in the stored form described on <see cref="CityMapJsonNames"/>.</summary>
internal static class CityMapJsonWriter
{
    public static string Write(CityMap map)
    {
        var buffer = new ArrayBufferWriter<byte>(256 * (map.Cells.Count + 16));
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber(N.Format, N.CurrentFormat);
            w.WriteString(N.Name, map.Name);
            w.WriteNumber(N.CellSize, map.CellSizeMeters);
            w.WritePropertyName(N.Origin);
            WritePoints(w, [map.Origin]);
            w.WriteNumber(N.ReferenceLatitude, map.Projection.ReferenceLatitude);
            w.WriteStartArray(N.Areas);
            foreach (var area in map.Areas)
            {
                WriteArea(w, area);
            }

            w.WriteEndArray();
            w.WriteStartArray(N.Rivers);
            foreach (var river in map.Rivers)
            {
                WritePoints(w, river);
            }

            w.WriteEndArray();
            w.WriteStartArray(N.Cells);
            foreach (var cell in map.Cells)
            {
                WriteCell(w, cell, map);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteArea(Utf8JsonWriter w, Area area)
    {
        w.WriteStartObject();
        w.WriteString(N.AreaCode, area.Code);
        w.WriteString(N.AreaName, area.Name);
        w.WriteString(N.AreaLevel, area.Level.ToString());
        if (area.ParentCode is not null)
        {
            w.WriteString(N.AreaParent, area.ParentCode);
        }

        if (area.Boundary is not null)
        {
            w.WritePropertyName(N.AreaBoundary);
            WriteShape(w, area.Boundary);
        }

        w.WriteEndObject();
    }

    private static void WriteCell(Utf8JsonWriter w, CellInfo cell, CityMap map)
    {
        w.WriteStartObject();
        w.WriteString(N.CellArea, cell.AreaCode);
        w.WriteNumber(N.CellColumn, cell.Column);
        w.WriteNumber(N.CellRow, cell.Row);
        w.WritePropertyName(N.CellCentroid);
        WritePoints(w, [cell.Centroid]);
        w.WriteNumber(N.CellSquareMeters, cell.AreaSquareMeters);
        if (!GridSquare.IsSquare(cell.Polygon, map.Projection, map.CellSizeMeters, cell.Column, cell.Row))
        {
            w.WritePropertyName(N.CellShape);
            WriteShape(w, cell.Polygon);
        }

        if (cell.ElevationMeters is { } elevation)
        {
            w.WriteNumber(N.CellElevation, elevation);
        }

        if (cell.DistanceToRiverMeters is { } distance)
        {
            w.WriteNumber(N.CellRiverDistance, distance);
        }

        w.WriteEndObject();
    }

    private static void WriteShape(Utf8JsonWriter w, GeoMultiPolygon shape)
    {
        w.WriteStartArray();
        foreach (var polygon in shape.Polygons)
        {
            w.WriteStartArray();
            foreach (var ring in polygon.Rings)
            {
                WritePoints(w, ring);
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
    }

    private static void WritePoints(Utf8JsonWriter w, IReadOnlyList<GeoPoint> points)
    {
        w.WriteStartArray();
        foreach (var p in points)
        {
            w.WriteNumberValue(p.Latitude);
            w.WriteNumberValue(p.Longitude);
        }

        w.WriteEndArray();
    }
}
