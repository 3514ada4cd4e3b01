using Governance.City.Geometry;

namespace Governance.City.Tests.Geometry;

public class LocalProjectionTests
{
    [Theory]
    [InlineData(30.5, 110_860.9, 95_998.9)] // From the standard WGS84 series 111132.92 − 559.82 cos 2φ + … and 111412.84 cos φ − 93.5 cos 3φ + …
    [InlineData(42.3, 111_079.1, 82_460.4)]
    public void MetresPerDegree_MatchWgs84(double latitude, double perDegreeLatitude, double perDegreeLongitude)
    {
        var projection = new LocalProjection(new GeoPoint(latitude, 0), latitude);

        Assert.Equal(perDegreeLatitude, projection.MetersPerDegreeLatitude, perDegreeLatitude * 1e-4);
        Assert.Equal(perDegreeLongitude, projection.MetersPerDegreeLongitude, perDegreeLongitude * 1e-4);
    }

    [Fact]
    public void Unproject_Project_RoundTrips()
    {
        var projection = new LocalProjection(new GeoPoint(42.2, -71.2), 42.3);
        var point = new GeoPoint(42.3503, -71.081);

        var back = projection.Unproject(projection.Project(point));

        Assert.Equal(point.Latitude, back.Latitude, 12);
        Assert.Equal(point.Longitude, back.Longitude, 12);
    }

    [Fact]
    public void Constructor_InvalidOrigin_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LocalProjection(new GeoPoint(91, 0), 0));
    }
}
