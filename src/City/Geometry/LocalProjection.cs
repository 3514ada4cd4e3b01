namespace Governance.City.Geometry;

/// <summary>
/// An equirectangular projection of WGS84 degrees to metres around an origin, good enough for one city.
/// </summary>
/// <remarks>
/// <para>
/// X = ΔLongitude · N·cos φ₀ and Y = ΔLatitude · M, where M and N are the WGS84 meridional and
/// prime-vertical radii of curvature at the reference latitude φ₀. Distances are therefore exact along the
/// reference latitude and on the ground near it.
/// </para>
/// <para>
/// Error: the east–west scale drifts by about tan φ₀ · Δφ away from the reference latitude (Δφ in radians):
/// ≈0.09 % per 10 km north or south at 30° N (Wuhan) and ≈0.14 % at 42° N (Boston). The north–south scale
/// changes by under 0.002 % per 10 km. With the reference latitude in the middle of a city 20 km tall, grid
/// squares are square to within ±0.15 % and areas are right to the same order, which is far below what a grid
/// of 100 m cells cares about. Not for regions spanning hundreds of kilometres or the antimeridian.
/// </para>
/// </remarks>
public sealed class LocalProjection
{
    private const double SemiMajorAxis = 6_378_137.0;
    private const double Flattening = 1 / 298.257223563;
    private const double EccentricitySquared = Flattening * (2 - Flattening);
    private const double RadiansPerDegree = Math.PI / 180;

    /// <param name="origin">The point that maps to (0, 0).</param>
    /// <param name="referenceLatitude">Latitude where the scale is exact; use the middle of the city.</param>
    public LocalProjection(GeoPoint origin, double referenceLatitude)
    {
        if (!origin.IsValid)
        {
            throw new ArgumentOutOfRangeException(nameof(origin), origin, "The origin must be a valid WGS84 position.");
        }

        if (!double.IsFinite(referenceLatitude) || Math.Abs(referenceLatitude) > 85)
        {
            throw new ArgumentOutOfRangeException(nameof(referenceLatitude), referenceLatitude, "The reference latitude must be within ±85°.");
        }

        Origin = origin;
        ReferenceLatitude = referenceLatitude;
        var phi = referenceLatitude * RadiansPerDegree;
        var sin = Math.Sin(phi);
        var w = 1 - (EccentricitySquared * sin * sin);
        var meridional = SemiMajorAxis * (1 - EccentricitySquared) / (w * Math.Sqrt(w));
        var primeVertical = SemiMajorAxis / Math.Sqrt(w);
        MetersPerDegreeLatitude = meridional * RadiansPerDegree;
        MetersPerDegreeLongitude = primeVertical * Math.Cos(phi) * RadiansPerDegree;
    }

    /// <summary>The point that maps to (0, 0).</summary>
    public GeoPoint Origin { get; }

    /// <summary>The latitude where the scale is exact.</summary>
    public double ReferenceLatitude { get; }

    public double MetersPerDegreeLatitude { get; }

    public double MetersPerDegreeLongitude { get; }

    public PlanarPoint Project(GeoPoint point) =>
        new((point.Longitude - Origin.Longitude) * MetersPerDegreeLongitude, (point.Latitude - Origin.Latitude) * MetersPerDegreeLatitude);

    public GeoPoint Unproject(PlanarPoint point) =>
        new(Origin.Latitude + (point.Y / MetersPerDegreeLatitude), Origin.Longitude + (point.X / MetersPerDegreeLongitude));

    public PlanarPolygon Project(GeoPolygon polygon)
    {
        ArgumentNullException.ThrowIfNull(polygon);
        return new PlanarPolygon(polygon.Rings.Select(ring => (IReadOnlyList<PlanarPoint>)ring.Select(Project).ToArray()).ToArray());
    }

    public PlanarMultiPolygon Project(GeoMultiPolygon multiPolygon)
    {
        ArgumentNullException.ThrowIfNull(multiPolygon);
        return new PlanarMultiPolygon(multiPolygon.Polygons.Select(Project).ToArray());
    }

    /// <summary>A polyline such as a river centre line; named apart from the shape overloads because a ring is also a list of points.</summary>
    public PlanarPolyline ProjectLine(IReadOnlyList<GeoPoint> line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new PlanarPolyline(line.Select(Project).ToArray());
    }

    /// <summary>Back to degrees, each vertex rounded to <paramref name="decimals"/> places.</summary>
    public GeoMultiPolygon Unproject(PlanarMultiPolygon multiPolygon, int decimals = 7)
    {
        ArgumentNullException.ThrowIfNull(multiPolygon);
        return new GeoMultiPolygon(multiPolygon.Polygons
            .Select(polygon => new GeoPolygon(polygon.Rings
                .Select(ring => (IReadOnlyList<GeoPoint>)ring.Select(p => Unproject(p).Round(decimals)).ToArray())
                .ToArray()))
            .ToArray());
    }
}
