using Governance.City.Geometry;
using Governance.City.Grid;
using Governance.City.Map;

namespace Governance.City.Tests.Support;

/// <summary>
/// A small hand-drawn city with 40 m cells (all in metres from <see cref="Metres.Plane"/>):
/// district d1 → street s1 → "west" [0,150]×[0,300] and "east" [150,400]×[0,300] with a hole [250,320]×[100,180];
/// d1 → street s2 → "u-shape", a U over [500,800]×[0,300] whose notch [600,700]×[0,200] is outside.
/// The west/east edge at x = 150 cuts through the squares of column 3 (120–160 m).
/// </summary>
internal static class TestCity
{
    public const double CellSize = 40;

    public static IReadOnlyList<Area> Areas { get; } =
    [
        new("d1", "District One", AreaLevel.District, null, null),
        new("s1", "Street One", AreaLevel.Street, "d1", null),
        new("s2", "Street Two", AreaLevel.Street, "d1", null),
        Metres.Area("west", Metres.Rectangle(0, 0, 150, 300)) with { ParentCode = "s1" },
        Metres.Area("east", Metres.Rectangle(150, 0, 400, 300), Metres.Rectangle(250, 100, 320, 180)) with { ParentCode = "s1" },
        Metres.Area("u-shape", Metres.Ring((500, 0), (600, 0), (600, 200), (700, 200), (700, 0), (800, 0), (800, 300), (500, 300))) with { ParentCode = "s2" },
    ];

    public static IReadOnlyList<GeoPoint> River { get; } = Metres.Ring((-100, 350), (900, 320));

    public static CityMap Build() => new GridBuilder
    {
        CellSizeMeters = CellSize,
        Elevation = p => Math.Round(20 + ((p.Latitude - 30.5) * 10_000), 3),
        Rivers = [River],
    }.Build("Test city", Areas);
}
