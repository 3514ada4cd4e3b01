using Governance.City.Geometry;

namespace Governance.City.Demo;

/// <summary>
/// Ground elevation of the demo city, in metres above sea level, on the layout's projected plane.
/// </summary>
/// <remarks>
/// Elevation = river level (19.5 m in the west falling 0.4 m/km eastwards, like a lowland river)
/// + 0.5 m bank + a valley side rising 9 m with distance d from the river (9·(1 − e^(−d/450 m)))
/// + smooth hills (six Gaussian bumps 12–45 m high and 250–700 m wide, centred ≥ 700 m from the river)
/// + a ±1.2 m ripple; hills and ripple fade out within 150–900 m of the river, so the valley floor stays low.
/// </remarks>
internal sealed class DemoTerrain
{
    private readonly PlanarPolyline _river;
    private readonly double _westEdge;
    private readonly (PlanarPoint Center, double Height, double Sigma)[] _hills;
    private readonly double _phaseX;
    private readonly double _phaseY;

    public DemoTerrain(PlanarPolyline river, PlanarBox extent, DemoRandom random)
    {
        _river = river;
        _westEdge = extent.MinX;
        _phaseX = random.Uniform(0, 2 * Math.PI);
        _phaseY = random.Uniform(0, 2 * Math.PI);
        var hills = new List<(PlanarPoint, double, double)>();
        while (hills.Count < 6)
        {
            var center = new PlanarPoint(random.Uniform(extent.MinX, extent.MaxX), random.Uniform(extent.MinY, extent.MaxY));
            if (river.DistanceTo(center) >= 700)
            {
                hills.Add((center, random.Uniform(12, 45), random.Uniform(250, 700)));
            }
        }

        _hills = [.. hills];
    }

    public double ElevationAt(PlanarPoint p)
    {
        var d = _river.DistanceTo(p);
        var riverLevel = 19.5 - (0.0004 * (p.X - _westEdge));
        var valley = 9 * (1 - Math.Exp(-d / 450));
        var hills = 0.0;
        foreach (var (center, height, sigma) in _hills)
        {
            var dx = p.X - center.X;
            var dy = p.Y - center.Y;
            hills += height * Math.Exp(-((dx * dx) + (dy * dy)) / (2 * sigma * sigma));
        }

        var ripple = 1.2 * Math.Sin((p.X / 310) + _phaseX) * Math.Cos((p.Y / 260) + _phaseY);
        var fade = SmoothStep(150, 900, d);
        return riverLevel + 0.5 + valley + (fade * (hills + ripple));
    }

    private static double SmoothStep(double from, double to, double x)
    {
        var t = Math.Clamp((x - from) / (to - from), 0, 1);
        return t * t * (3 - (2 * t));
    }
}
