using Governance.City.Geometry;
using Governance.City.Map;

namespace Governance.City.Grid;

/// <summary>
/// Cuts a city into grid cells: a square grid aligned to a <see cref="LocalProjection"/> whose origin is the
/// south-west corner of all area outlines, each square clipped to every lowest-level area it touches.
/// </summary>
/// <remarks>
/// Each area is first clipped to one row of squares at a time and that band then to each square, so the work
/// per square is proportional to the outline inside its row, not to the whole outline.
/// </remarks>
public sealed class GridBuilder
{
    /// <summary>Pieces smaller than this (m²) are slivers from outlines that barely touch a square and are dropped.</summary>
    public const double MinCellAreaSquareMeters = 1;

    private readonly double _cellSizeMeters = CityMap.DefaultCellSizeMeters;

    /// <summary>Side of a square, <see cref="CityMap.MinCellSizeMeters"/>–<see cref="CityMap.MaxCellSizeMeters"/> m.</summary>
    public double CellSizeMeters
    {
        get => _cellSizeMeters;
        init
        {
            if (!(value >= CityMap.MinCellSizeMeters && value <= CityMap.MaxCellSizeMeters))
            {
                throw new ArgumentOutOfRangeException(nameof(CellSizeMeters), value, $"The cell size must be {CityMap.MinCellSizeMeters}–{CityMap.MaxCellSizeMeters} m.");
            }

            _cellSizeMeters = value;
        }
    }

    /// <summary>Ground elevation in metres at a point, evaluated at each cell's centroid; null leaves elevations unknown.</summary>
    public Func<GeoPoint, double>? Elevation { get; init; }

    /// <summary>River centre lines for <see cref="CellInfo.DistanceToRiverMeters"/>; empty when the city has none.</summary>
    public IReadOnlyList<IReadOnlyList<GeoPoint>> Rivers { get; init; } = [];

    /// <summary>Builds the map. Areas that are no other area's parent are gridded and must have a boundary.</summary>
    public CityMap Build(string cityName, IReadOnlyList<Area> areas)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cityName);
        ArgumentNullException.ThrowIfNull(areas);
        var parents = areas.Select(a => a.ParentCode).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var leaves = areas.Where(a => !parents.Contains(a.Code)).ToArray();
        if (leaves.Length == 0)
        {
            throw new ArgumentException("There are no areas to grid.", nameof(areas));
        }

        var missing = leaves.FirstOrDefault(a => a.Boundary is null);
        if (missing is not null)
        {
            throw new ArgumentException($"Area '{missing.Code}' is at the lowest level and needs a boundary.", nameof(areas));
        }

        var projection = ProjectionAround(leaves.SelectMany(a => a.Boundary!.Polygons).SelectMany(p => p.Outer));
        var rivers = Rivers.Select(projection.ProjectLine).ToArray();
        var cells = new List<CellInfo>();
        foreach (var area in leaves)
        {
            Cut(area, projection, rivers, cells);
        }

        return new CityMap(cityName, CellSizeMeters, projection, areas, cells, Rivers);
    }

    private static LocalProjection ProjectionAround(IEnumerable<GeoPoint> points)
    {
        double minLat = double.PositiveInfinity, maxLat = double.NegativeInfinity, minLon = double.PositiveInfinity;
        foreach (var p in points)
        {
            if (!p.IsValid)
            {
                throw new ArgumentException($"Boundary vertex {p} is not a valid WGS84 position.", nameof(points));
            }

            minLat = Math.Min(minLat, p.Latitude);
            maxLat = Math.Max(maxLat, p.Latitude);
            minLon = Math.Min(minLon, p.Longitude);
        }

        return new LocalProjection(new GeoPoint(minLat, minLon), (minLat + maxLat) / 2);
    }

    private void Cut(Area area, LocalProjection projection, PlanarPolyline[] rivers, List<CellInfo> cells)
    {
        var shape = projection.Project(area.Boundary!);
        var size = CellSizeMeters;
        var bounds = shape.Bounds;
        for (var row = (int)Math.Floor(bounds.MinY / size); row * size < bounds.MaxY; row++)
        {
            var band = shape.ClipTo(new PlanarBox(bounds.MinX - size, row * size, bounds.MaxX + size, (row + 1) * size));
            if (band is null)
            {
                continue;
            }

            for (var column = (int)Math.Floor(band.Bounds.MinX / size); column * size < band.Bounds.MaxX; column++)
            {
                var piece = band.ClipTo(GridSquare.Box(size, column, row));
                var pieceArea = piece?.Area ?? 0;
                if (piece is null || pieceArea < MinCellAreaSquareMeters)
                {
                    continue;
                }

                // A whole square gets the canonical outline, which the stored form can leave out.
                var whole = pieceArea >= size * size * (1 - 1e-9);
                var centroid = projection.Unproject(piece.Centroid).Round();
                var centroidPlanar = projection.Project(centroid);
                cells.Add(new CellInfo(
                    CityMapValidator.Format(area.Code, column, row),
                    area.Code,
                    column,
                    row,
                    centroid,
                    whole ? GridSquare.Polygon(projection, size, column, row) : projection.Unproject(piece),
                    Math.Round(pieceArea, 2),
                    Elevation is null ? null : Math.Round(Elevation(centroid), 1),
                    rivers.Length == 0 ? null : Math.Round(rivers.Min(r => r.DistanceTo(centroidPlanar)), 1)));
            }
        }
    }
}
