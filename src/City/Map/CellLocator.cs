using Governance.City.Geometry;

namespace Governance.City.Map;

/// <summary>
/// Finds the cell under a point without scanning: the projection gives the square, a dictionary gives the
/// (usually one, at most a few) cells of that square, and the area outlines decide between them.
/// </summary>
internal sealed class CellLocator
{
    // A point this close to a piece's edge still belongs to it: shared area edges are where even–odd tests
    // on two neighbouring outlines can both say "outside".
    private const double EdgeToleranceMeters = 0.01;

    private readonly LocalProjection _projection;
    private readonly double _cellSize;
    private readonly Dictionary<long, CellInfo[]> _cellsBySquare;
    private readonly Dictionary<string, BandedShape> _areaShapes;

    public CellLocator(LocalProjection projection, double cellSize, IReadOnlyList<Area> areas, IReadOnlyList<CellInfo> cells)
    {
        _projection = projection;
        _cellSize = cellSize;
        _cellsBySquare = new Dictionary<long, CellInfo[]>(cells.Count);
        foreach (var cell in cells)
        {
            var key = Key(cell.Column, cell.Row);
            _cellsBySquare[key] = _cellsBySquare.TryGetValue(key, out var others) ? [.. others, cell] : [cell];
        }

        var gridded = cells.Select(c => c.AreaCode).ToHashSet(StringComparer.Ordinal);
        _areaShapes = areas
            .Where(a => a.Boundary is not null && gridded.Contains(a.Code))
            .ToDictionary(a => a.Code, a => new BandedShape(projection.Project(a.Boundary!), cellSize), StringComparer.Ordinal);
    }

    public CellInfo? Locate(GeoPoint point)
    {
        if (!point.IsValid)
        {
            return null;
        }

        var p = _projection.Project(point);
        var column = Math.Floor(p.X / _cellSize);
        var row = Math.Floor(p.Y / _cellSize);
        if (Math.Abs(column) > int.MaxValue || Math.Abs(row) > int.MaxValue
            || !_cellsBySquare.TryGetValue(Key((int)column, (int)row), out var candidates))
        {
            return null;
        }

        foreach (var cell in candidates)
        {
            var inside = _areaShapes.TryGetValue(cell.AreaCode, out var shape)
                ? shape.Contains(p)
                : _projection.Project(cell.Polygon).Contains(p);
            if (inside)
            {
                return cell;
            }
        }

        foreach (var cell in candidates)
        {
            if (_projection.Project(cell.Polygon).DistanceToBoundary(p) <= EdgeToleranceMeters)
            {
                return cell;
            }
        }

        return null;
    }

    /// <summary>Cells whose grid square comes within <paramref name="meters"/> of the point (a superset of the cells within that distance).</summary>
    public IReadOnlyList<CellInfo> Near(GeoPoint point, double meters)
    {
        if (!point.IsValid || !double.IsFinite(meters) || meters < 0)
        {
            return [];
        }

        var p = _projection.Project(point);
        var reach = (int)Math.Ceiling(meters / _cellSize);
        var column = (int)Math.Floor(p.X / _cellSize);
        var row = (int)Math.Floor(p.Y / _cellSize);
        var near = new List<CellInfo>();
        for (var c = column - reach; c <= column + reach; c++)
        {
            for (var r = row - reach; r <= row + reach; r++)
            {
                var dx = Math.Max(Math.Max((c * _cellSize) - p.X, 0), p.X - ((c + 1) * _cellSize));
                var dy = Math.Max(Math.Max((r * _cellSize) - p.Y, 0), p.Y - ((r + 1) * _cellSize));
                if ((dx * dx) + (dy * dy) <= meters * meters && _cellsBySquare.TryGetValue(Key(c, r), out var cells))
                {
                    near.AddRange(cells);
                }
            }
        }

        return near;
    }

    private static long Key(int column, int row) => ((long)column << 32) | (uint)row;
}
