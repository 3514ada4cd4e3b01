using Governance.City.Geometry;
using Governance.City.Map;

namespace Governance.City.Demo;

/// <summary>
/// The demo city's geography: a 6 km × 3.8 km city on a meandering river that flows west to east through its
/// middle and separates the two districts. Each district is cut into four streets by north–south lines, and
/// each street into two columns of two or three communities by curves that follow the river, so the areas
/// partition the city exactly and no two edges look alike.
/// </summary>
internal sealed class DemoLayout
{
    private const double HalfWidth = 3000;
    private const double HalfHeight = 1900;

    // Every vertex sits on a multiple of this many metres east–west, and so do all cuts.
    private const double Step = 50;

    private readonly List<Area> _areas = [];
    private readonly Dictionary<string, DemoCommunity> _communities = new(StringComparer.Ordinal);
    private readonly DemoRandom _random;

    private DemoLayout(DemoCityOptions options, DemoRandom random)
    {
        _random = random;
        Projection = new LocalProjection(options.Center, options.Center.Latitude);
        var top = DemoCurve.Wavy(HalfHeight, 120, 2300, 60, 900, random);
        var bottom = DemoCurve.Wavy(-HalfHeight, 100, 2700, 50, 1100, random);
        var river = DemoCurve.Wavy(random.Uniform(-200, 200), 380, 5200, 120, 1700, random);
        var riverLine = Samples(-HalfWidth - 300, HalfWidth + 300).Select(x => new PlanarPoint(x, river.At(x))).ToArray();
        RiverPlanar = new PlanarPolyline(riverLine);
        River = riverLine.Select(p => Projection.Unproject(p).Round()).ToArray();
        Terrain = new DemoTerrain(RiverPlanar, new PlanarBox(-HalfWidth, -HalfHeight, HalfWidth, HalfHeight), random);

        var streetNames = Shuffled(DemoPlaceNames.Streets);
        var (north, south) = (DemoPlaceNames.Districts[0], DemoPlaceNames.Districts[1]);
        AddDistrict(north.Pinyin, north.Hanzi, north.RegionCode, river, top, streetNames[..4]);
        AddDistrict(south.Pinyin, south.Hanzi, south.RegionCode, bottom, river, streetNames[4..8]);
    }

    /// <summary>Centred on the city centre; the plane the layout and terrain are drawn on.</summary>
    public LocalProjection Projection { get; }

    public IReadOnlyList<Area> Areas => _areas;

    public IReadOnlyList<GeoPoint> River { get; }

    public PlanarPolyline RiverPlanar { get; }

    public DemoTerrain Terrain { get; }

    public IReadOnlyDictionary<string, DemoCommunity> Communities => _communities;

    public static DemoLayout Create(DemoCityOptions options, DemoRandom random) => new(options, random);

    public double ElevationAt(GeoPoint point) => Terrain.ElevationAt(Projection.Project(point));

    private void AddDistrict(string code, string name, string regionCode, DemoCurve lower, DemoCurve upper, (string Pinyin, string Hanzi)[] streets)
    {
        _areas.Add(new Area(code, name, AreaLevel.District, null, Region(-HalfWidth, HalfWidth, lower, upper)));
        var cuts = Cuts(-HalfWidth, HalfWidth, streets.Length, 250);
        for (var i = 0; i < streets.Length; i++)
        {
            var (streetCode, streetName) = streets[i];
            _areas.Add(new Area(streetCode, streetName + "街道", AreaLevel.Street, code, Region(cuts[i], cuts[i + 1], lower, upper)));
            AddCommunities(streetCode, regionCode, cuts[i], cuts[i + 1], lower, upper);
        }
    }

    private void AddCommunities(string streetCode, string regionCode, double west, double east, DemoCurve lower, DemoCurve upper)
    {
        var names = Shuffled(DemoPlaceNames.Communities);
        var next = 0;
        var columns = Cuts(west, east, 2, 150);
        for (var c = 0; c < 2; c++)
        {
            // Two or three communities stacked between the river and the edge, split along river-parallel curves.
            List<DemoCurve> curves = _random.Chance(0.5)
                ? [lower, DemoCurve.Between(lower, upper, _random.Uniform(0.38, 0.62)), upper]
                : [lower, DemoCurve.Between(lower, upper, _random.Uniform(0.27, 0.39)), DemoCurve.Between(lower, upper, _random.Uniform(0.61, 0.73)), upper];
            for (var r = 0; r + 1 < curves.Count; r++)
            {
                var (pinyin, hanzi) = names[next++];
                var code = $"{streetCode}-{pinyin}";
                _areas.Add(new Area(code, hanzi + "社区", AreaLevel.Community, streetCode, Region(columns[c], columns[c + 1], curves[r], curves[r + 1])));
                _communities.Add(code, DrawCommunity(code, regionCode, new PlanarPoint(
                    (columns[c] + columns[c + 1]) / 2,
                    (curves[r].At((columns[c] + columns[c + 1]) / 2) + curves[r + 1].At((columns[c] + columns[c + 1]) / 2)) / 2)));
            }
        }
    }

    /// <summary>
    /// Old streets cluster by the river, swallowed villages at the edge of town, estates everywhere. Households
    /// per square metre: estates 1.6, old town 1.3, work-unit compounds 1.1, villages 1.0, each × lognormal(σ 0.35).
    /// </summary>
    private DemoCommunity DrawCommunity(string code, string regionCode, PlanarPoint center)
    {
        var nearRiver = RiverPlanar.DistanceTo(center) < 700;
        var atEdge = Math.Abs(center.X) > 2000;
        double[] weights = [nearRiver ? 0.45 : 0.1, 0.25, 0.35, atEdge ? 0.3 : 0.08];
        var kind = (CommunityKind)_random.PickWeighted(weights);
        double[] densities = [1.3, 1.1, 1.6, 1.0];
        return new DemoCommunity(code, kind, densities[(int)kind] * _random.LogNormal(0.35), regionCode);
    }

    private GeoMultiPolygon Region(double west, double east, DemoCurve lower, DemoCurve upper)
    {
        var xs = Samples(west, east);
        var ring = xs.Select(x => new PlanarPoint(x, lower.At(x)))
            .Concat(xs.AsEnumerable().Reverse().Select(x => new PlanarPoint(x, upper.At(x))))
            .Select(p => Projection.Unproject(p).Round())
            .ToArray();
        return GeoMultiPolygon.FromRings(ring);
    }

    /// <summary><paramref name="count"/> + 1 cut positions from west to east, evenly spaced ± jitter, on the step grid.</summary>
    private double[] Cuts(double west, double east, int count, double jitter)
    {
        var cuts = new double[count + 1];
        cuts[0] = west;
        cuts[count] = east;
        for (var i = 1; i < count; i++)
        {
            var even = west + ((east - west) * i / count);
            cuts[i] = Math.Round((even + _random.Uniform(-jitter, jitter)) / Step) * Step;
        }

        return cuts;
    }

    private static double[] Samples(double west, double east)
    {
        var first = (int)Math.Round(west / Step);
        var last = (int)Math.Round(east / Step);
        return Enumerable.Range(first, last - first + 1).Select(i => i * Step).ToArray();
    }

    private T[] Shuffled<T>(IReadOnlyList<T> items)
    {
        var array = items.ToArray();
        for (var i = array.Length - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (array[i], array[j]) = (array[j], array[i]);
        }

        return array;
    }
}
