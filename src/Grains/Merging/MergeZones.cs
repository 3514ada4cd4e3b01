using Governance.City.Geometry;
using Governance.City.Map;
using Governance.Contracts;
using Microsoft.Extensions.Options;

namespace Governance.Grains.Merging;

/// <summary>
/// The city cut into square merge zones, each a block of whole cells (so every cell, and every report in it, has
/// one home zone). A report's merge circle usually lies in its home zone; near an edge it reaches one to three more.
/// </summary>
public sealed class MergeZones(CityMap city, IOptions<MergeOptions> options)
{
    private readonly int _cellsPerSide = Math.Max(1, (int)Math.Round(options.Value.ZoneSizeMeters / city.CellSizeMeters));

    private double ZoneMeters => _cellsPerSide * city.CellSizeMeters;

    /// <summary>The zone that holds the cell (grain key of its <c>IMergeZoneGrain</c>).</summary>
    public string HomeOf(CellInfo cell) => Key(FloorDiv(cell.Column, _cellsPerSide), FloorDiv(cell.Row, _cellsPerSide));

    /// <summary>Every zone the circle of <paramref name="meters"/> around the point reaches, the home zone included.</summary>
    public IReadOnlyList<string> Reached(GeoPoint point, double meters)
    {
        var p = city.Projection.Project(point);
        var size = ZoneMeters;
        var (fromColumn, toColumn) = ((int)Math.Floor((p.X - meters) / size), (int)Math.Floor((p.X + meters) / size));
        var (fromRow, toRow) = ((int)Math.Floor((p.Y - meters) / size), (int)Math.Floor((p.Y + meters) / size));
        var zones = new List<string>((toColumn - fromColumn + 1) * (toRow - fromRow + 1));
        for (var column = fromColumn; column <= toColumn; column++)
        {
            for (var row = fromRow; row <= toRow; row++)
            {
                zones.Add(Key(column, row));
            }
        }

        return zones;
    }

    // Every report asks for the keys of the zones it reaches: made once each, not formatted at every ask.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(int Column, int Row), string> _keys = new();

    private string Key(int column, int row) =>
        _keys.GetOrAdd((column, row), static square => GrainKeys.Zone(FormattableString.Invariant($"{square.Column}.{square.Row}")));

    private static int FloorDiv(int value, int divisor) => (int)Math.Floor(value / (double)divisor);
}
