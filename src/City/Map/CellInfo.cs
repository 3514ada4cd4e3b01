using Governance.City.Geometry;

namespace Governance.City.Map;

/// <summary>
/// One grid cell (网格): the part of one grid square that lies in one lowest-level area. A square that straddles
/// two areas is two cells.
/// </summary>
/// <param name="Code">
/// <c>&lt;areaCode&gt;.&lt;column&gt;.&lt;row&gt;</c>, e.g. <c>back-bay.41.57</c>: ASCII, no '+', '/' or spaces, so it
/// can follow <c>cell:</c> in a grain key.
/// </param>
/// <param name="AreaCode">The lowest-level area the cell belongs to.</param>
/// <param name="Column">Square index eastwards from the map's origin.</param>
/// <param name="Row">Square index northwards from the map's origin.</param>
/// <param name="Centroid">The area-weighted centroid of <paramref name="Polygon"/>; for a concave piece it may lie outside it.</param>
/// <param name="Polygon">The square clipped to the area; usually one polygon with one ring (see <see cref="BoxClipper"/>).</param>
/// <param name="AreaSquareMeters">The cell's area, rounded to 0.01 m².</param>
/// <param name="ElevationMeters">Ground elevation at the centroid, or null when the city was built without terrain (e.g. from GeoJSON).</param>
/// <param name="DistanceToRiverMeters">Metres from the centroid to the nearest river centre line, or null when the city has no river.</param>
public sealed record CellInfo(
    string Code,
    string AreaCode,
    int Column,
    int Row,
    GeoPoint Centroid,
    GeoMultiPolygon Polygon,
    double AreaSquareMeters,
    double? ElevationMeters,
    double? DistanceToRiverMeters);
