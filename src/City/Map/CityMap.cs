using System.Diagnostics.CodeAnalysis;
using Governance.City.Geometry;
using Governance.City.Serialization;

namespace Governance.City.Map;

/// <summary>
/// The city: its areas (districts, streets, communities) and the grid cells cut from them. Immutable and safe
/// to share between threads; built by <c>GridBuilder</c>, stored with <see cref="ToJson"/> and reloaded with
/// <see cref="FromJson"/>.
/// </summary>
public sealed class CityMap
{
    public const double MinCellSizeMeters = 10;
    public const double MaxCellSizeMeters = 5000;
    public const double DefaultCellSizeMeters = 100;

    private readonly Dictionary<string, Area> _areas;
    private readonly Dictionary<string, List<Area>> _children;
    private readonly Dictionary<string, CellInfo> _cells;
    private readonly Dictionary<string, CellInfo[]> _cellsInArea;
    private readonly PlanarPolyline[] _rivers;
    private readonly CellLocator _locator;

    /// <param name="name">The city's display name.</param>
    /// <param name="cellSizeMeters">Side of a grid square, <see cref="MinCellSizeMeters"/>–<see cref="MaxCellSizeMeters"/>.</param>
    /// <param name="projection">The projection the grid is aligned to; square (0, 0) starts at its origin.</param>
    /// <param name="areas">All areas, parents before or after children; kept in this order. The lists are copied,
    /// the geometry inside areas and cells is shared and must not be changed afterwards.</param>
    /// <param name="cells">All cells, each in a lowest-level area; kept ordered by code.</param>
    /// <param name="rivers">River centre lines, for distances; none when the city has no river.</param>
    public CityMap(
        string name,
        double cellSizeMeters,
        LocalProjection projection,
        IReadOnlyList<Area> areas,
        IReadOnlyList<CellInfo> cells,
        IReadOnlyList<IReadOnlyList<GeoPoint>>? rivers = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(cells);
        if (!(cellSizeMeters >= MinCellSizeMeters && cellSizeMeters <= MaxCellSizeMeters))
        {
            throw new ArgumentOutOfRangeException(nameof(cellSizeMeters), cellSizeMeters, $"The cell size must be {MinCellSizeMeters}–{MaxCellSizeMeters} m.");
        }

        CityMapValidator.Validate(areas, cells);
        Name = name;
        CellSizeMeters = cellSizeMeters;
        Projection = projection;
        Areas = [.. areas];
        Cells = IsOrdered(cells) ? [.. cells] : cells.OrderBy(c => c.Code, StringComparer.Ordinal).ToArray();
        Rivers = rivers is null ? [] : [.. rivers.Select(r => (IReadOnlyList<GeoPoint>)[.. r])];
        _rivers = Rivers.Select(projection.ProjectLine).ToArray();
        _areas = areas.ToDictionary(a => a.Code, StringComparer.Ordinal);
        _children = areas.Where(a => a.ParentCode is not null)
            .GroupBy(a => a.ParentCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _cells = Cells.ToDictionary(c => c.Code, StringComparer.Ordinal);

        // Cells are in code order, so appending each to its area and every ancestor keeps every list in order.
        var inArea = new Dictionary<string, List<CellInfo>>(StringComparer.Ordinal);
        foreach (var cell in Cells)
        {
            for (var code = cell.AreaCode; code is not null; code = _areas[code].ParentCode)
            {
                (inArea.TryGetValue(code, out var list) ? list : inArea[code] = []).Add(cell);
            }
        }

        _cellsInArea = inArea.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _locator = new CellLocator(projection, cellSizeMeters, areas, Cells);
    }

    public string Name { get; }

    public double CellSizeMeters { get; }

    /// <summary>The south-west corner of square (0, 0).</summary>
    public GeoPoint Origin => Projection.Origin;

    public LocalProjection Projection { get; }

    public IReadOnlyList<Area> Areas { get; }

    /// <summary>Every cell, ordered by code (ordinal).</summary>
    public IReadOnlyList<CellInfo> Cells { get; }

    /// <summary>River centre lines; empty when the city has none.</summary>
    public IReadOnlyList<IReadOnlyList<GeoPoint>> Rivers { get; }

    public Area? FindArea(string code) => _areas.GetValueOrDefault(code);

    public bool TryGetCell(string code, [MaybeNullWhen(false)] out CellInfo cell) => _cells.TryGetValue(code, out cell);

    /// <summary>The cell containing the point, or null when it is outside every area (or not a valid position).</summary>
    public CellInfo? Locate(double latitude, double longitude) => _locator.Locate(new GeoPoint(latitude, longitude));

    /// <inheritdoc cref="Locate(double, double)"/>
    public CellInfo? Locate(GeoPoint point) => _locator.Locate(point);

    /// <summary>
    /// The cells whose grid squares come within <paramref name="meters"/> of the point, found without scanning: a
    /// candidate set for "what is nearby" (duplicate reports across a cell boundary). Callers filter by exact distance.
    /// </summary>
    public IReadOnlyList<CellInfo> CellsNear(GeoPoint point, double meters) => _locator.Near(point, meters);

    /// <summary>Metres between two points in the city's projection (accurate to well under 1% at city scale).</summary>
    public double DistanceMeters(GeoPoint a, GeoPoint b)
    {
        var pa = Projection.Project(a);
        var pb = Projection.Project(b);
        return Math.Sqrt(((pa.X - pb.X) * (pa.X - pb.X)) + ((pa.Y - pb.Y) * (pa.Y - pb.Y)));
    }

    /// <summary>Cells of the area and all its descendants, ordered by code; empty for an unknown area.</summary>
    public IReadOnlyList<CellInfo> CellsInArea(string areaCode) =>
        _cellsInArea.TryGetValue(areaCode, out var cells) ? cells : [];

    /// <summary>The codes of the cells a place covers: every cell for "", the cell for a cell code, an area's cells otherwise, none for an unknown code.</summary>
    public IReadOnlyList<string> CellCodesIn(string place) =>
        place.Length == 0 ? [.. Cells.Select(c => c.Code)]
        : TryGetCell(place, out _) ? [place]
        : [.. CellsInArea(place).Select(c => c.Code)];

    /// <summary>The areas directly below this one, in map order.</summary>
    public IReadOnlyList<Area> ChildrenOf(string areaCode) =>
        _children.TryGetValue(areaCode, out var children) ? children : [];

    /// <summary>The area followed by its ancestors, e.g. community → street → district; empty for an unknown area.</summary>
    public IReadOnlyList<Area> GetAreaChain(string areaCode)
    {
        var chain = new List<Area>(3);
        for (var area = FindArea(areaCode); area is not null; area = area.ParentCode is null ? null : _areas[area.ParentCode])
        {
            chain.Add(area);
        }

        return chain;
    }

    /// <summary>
    /// A place (a cell id or an area code) followed by the areas that contain it, innermost first, e.g. cell →
    /// community → street → district; empty for a code the city does not have.
    /// </summary>
    public IReadOnlyList<string> PlaceChain(string place) =>
        TryGetCell(place, out var cell)
            ? [place, .. GetAreaChain(cell.AreaCode).Select(a => a.Code)]
            : [.. GetAreaChain(place).Select(a => a.Code)];

    /// <summary>True when the place (a cell id or an area code) is <paramref name="area"/> or inside it; every place is inside the city ("").</summary>
    public bool IsWithin(string place, string area) => area.Length == 0 || PlaceChain(place).Contains(area, StringComparer.Ordinal);

    /// <summary>
    /// The area's place in the city as one string, outermost first: "/district/street/community/". Every area below it
    /// has a path that starts with it, so a list of cases can find an area at any level by one prefix. Empty for an
    /// unknown area.
    /// </summary>
    public string AreaPath(string areaCode)
    {
        var chain = GetAreaChain(areaCode);
        return chain.Count == 0 ? "" : "/" + string.Concat(chain.Reverse().Select(area => area.Code + "/"));
    }

    /// <summary>Metres from the point to the nearest river centre line, or null when the city has no river.</summary>
    public double? DistanceToRiverMeters(GeoPoint point)
    {
        if (_rivers.Length == 0)
        {
            return null;
        }

        var p = Projection.Project(point);
        return _rivers.Min(r => r.DistanceTo(p));
    }

    /// <summary>Compact JSON holding everything; <see cref="FromJson"/> gives back an identical map.</summary>
    public string ToJson() => CityMapJson.Serialize(this);

    /// <summary>Reads what <see cref="ToJson"/> wrote; throws <see cref="CityFormatException"/> on anything else.</summary>
    public static CityMap FromJson(string json) => CityMapJson.Deserialize(json);

    // Stored maps come back in order; checking is much cheaper than sorting again.
    private static bool IsOrdered(IReadOnlyList<CellInfo> cells)
    {
        for (var i = 1; i < cells.Count; i++)
        {
            if (string.CompareOrdinal(cells[i - 1].Code, cells[i].Code) > 0)
            {
                return false;
            }
        }

        return true;
    }
}
