using Governance.City.Geometry;

namespace Governance.City.Map;

/// <summary>
/// The one definition of a whole grid square as a cell shape. The builder gives full squares this exact
/// outline and the stored form leaves it out, so both sides must compute it the same way.
/// </summary>
internal static class GridSquare
{
    public static PlanarBox Box(double size, int column, int row) =>
        new(column * size, row * size, (column + 1) * size, (row + 1) * size);

    /// <summary>South-west, south-east, north-east, north-west: counter-clockwise, rounded like every stored vertex.</summary>
    public static GeoMultiPolygon Polygon(LocalProjection projection, double size, int column, int row)
    {
        var box = Box(size, column, row);
        return GeoMultiPolygon.FromRings(
        [
            projection.Unproject(new PlanarPoint(box.MinX, box.MinY)).Round(),
            projection.Unproject(new PlanarPoint(box.MaxX, box.MinY)).Round(),
            projection.Unproject(new PlanarPoint(box.MaxX, box.MaxY)).Round(),
            projection.Unproject(new PlanarPoint(box.MinX, box.MaxY)).Round(),
        ]);
    }

    public static bool IsSquare(GeoMultiPolygon shape, LocalProjection projection, double size, int column, int row)
    {
        if (shape.Polygons.Count != 1 || shape.Polygons[0].Rings.Count != 1 || shape.Polygons[0].Outer.Count != 4)
        {
            return false;
        }

        var square = Polygon(projection, size, column, row).Polygons[0].Outer;
        return shape.Polygons[0].Outer.SequenceEqual(square);
    }
}
