using System.Globalization;
using Governance.City.Geometry;
using Governance.City.Grid;
using Governance.City.Map;
using Governance.City.Population;

namespace Governance.City.Demo;

/// <summary>
/// Generates "Jiangcheng", a plausible Chinese riverside city near Wuhan: two districts either side of a
/// meandering river, eight streets, about forty communities, ~2,800 cells of 100 m with terrain, and a register of
/// ~24,000 households and ~62,000 residents. The same options always give the same city, in well under 3 s.
/// </summary>
/// <remarks>
/// Geography and terrain: see <see cref="DemoLayout"/> and <see cref="DemoTerrain"/>. Households: every cell of at
/// least 15 % of a square that is not within 40 m of the river and not one of the 12 % kept free (parks, schools,
/// works) gets households in proportion to area × the community's density × lognormal(σ 0.6), rounded by largest
/// remainder to exactly <see cref="DemoCityOptions.HouseholdCount"/>. A cell's households fill buildings drawn by
/// <see cref="DemoBuilding.Draw"/>, 55–95 % of each building's dwellings, on distinct floors/units/rooms drawn
/// uniformly; a building stands at a uniform random point of its cell, and its households share that point,
/// ground elevation and the building's attributes. 3 % of households are low-income, ×1.6 in old town and
/// villages and ×0.4 in estates. Members: <see cref="HouseholdComposer"/> and <see cref="ResidentFactory"/>.
/// </remarks>
public static class DemoCityGenerator
{
    public static DemoCity Generate(DemoCityOptions? options = null)
    {
        options ??= new DemoCityOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.CityName, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.HouseholdCount, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.HouseholdCount, 1_000_000, nameof(options));
        if (!options.Center.IsValid || Math.Abs(options.Center.Latitude) > 80)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Center, "The centre must be a valid position within ±80° latitude.");
        }

        var layout = DemoLayout.Create(options, DemoRandom.Stream(options.Seed, 1));
        var map = new GridBuilder
        {
            CellSizeMeters = options.CellSizeMeters,
            Elevation = layout.ElevationAt,
            Rivers = [layout.River],
        }.Build(options.CityName, layout.Areas);

        var perCell = Allocate(map, layout, options.HouseholdCount, DemoRandom.Stream(options.Seed, 2));
        var random = DemoRandom.Stream(options.Seed, 3);
        var factory = new ResidentFactory(options.ReferenceDate, DemoRandom.Stream(options.Seed, 4));
        var households = new List<HouseholdRecord>(options.HouseholdCount);
        var residents = new List<ResidentRecord>(options.HouseholdCount * 3);
        var buildingNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < map.Cells.Count; i++)
        {
            var cell = map.Cells[i];
            var community = layout.Communities[cell.AreaCode];
            var chain = map.GetAreaChain(cell.AreaCode);
            var prefix = string.Concat(chain.Reverse().Select(a => a.Name));
            for (var remaining = perCell[i]; remaining > 0;)
            {
                var building = DemoBuilding.Draw(community.Kind, options.ReferenceDate.Year, random);
                var take = Math.Min(remaining, Math.Max(1, (int)Math.Round(building.Dwellings * random.Uniform(0.55, 0.95))));
                var number = buildingNumbers[cell.AreaCode] = buildingNumbers.GetValueOrDefault(cell.AreaCode) + 1;
                var location = PointIn(map, cell, random);
                var elevation = Math.Round(layout.ElevationAt(location), 1);
                foreach (var slot in Slots(building.Dwellings, take, random))
                {
                    var floor = (slot / (building.Units * building.RoomsPerFloor)) + 1;
                    var unit = (slot / building.RoomsPerFloor % building.Units) + 1;
                    var room = (slot % building.RoomsPerFloor) + 1;
                    var id = string.Create(CultureInfo.InvariantCulture, $"h{households.Count + 1:D6}");
                    var lowIncome = random.Chance(0.03 * community.Kind switch
                    {
                        CommunityKind.OldTown or CommunityKind.UrbanVillage => 1.6,
                        CommunityKind.Estate => 0.4,
                        _ => 1.0,
                    });
                    var members = factory.Create(id, HouseholdComposer.Compose(community.Kind, random), community.RegionCode, lowIncome);
                    residents.AddRange(members);
                    households.Add(new HouseholdRecord(
                        id,
                        cell.Code,
                        string.Create(CultureInfo.InvariantCulture, $"{prefix}{number}栋{unit}单元{floor}{room:00}室"),
                        location,
                        elevation,
                        floor,
                        building.Storeys,
                        building.Construction,
                        building.BuiltYear,
                        building.Dilapidated,
                        members.Select(m => m.Id).ToArray()));
                }

                remaining -= take;
            }
        }

        return new DemoCity(map, households, residents);
    }

    private static int[] Allocate(CityMap map, DemoLayout layout, int total, DemoRandom random)
    {
        var minArea = 0.15 * map.CellSizeMeters * map.CellSizeMeters;
        var weights = map.Cells.Select(cell =>
        {
            var free = random.Chance(0.12);
            var factor = random.LogNormal(0.6);
            return free || cell.AreaSquareMeters < minArea || cell.DistanceToRiverMeters < 40
                ? 0
                : cell.AreaSquareMeters * layout.Communities[cell.AreaCode].Density * factor;
        }).ToArray();
        var sum = weights.Sum();
        var quotas = weights.Select(w => total * w / sum).ToArray();
        var counts = quotas.Select(q => (int)Math.Floor(q)).ToArray();
        var byRemainder = Enumerable.Range(0, counts.Length).OrderByDescending(i => quotas[i] - counts[i]).ThenBy(i => i);
        foreach (var i in byRemainder.Take(total - counts.Sum()))
        {
            counts[i]++;
        }

        return counts;
    }

    /// <summary>A uniform random point of the cell that <see cref="CityMap.Locate(GeoPoint)"/> maps back to it.</summary>
    private static GeoPoint PointIn(CityMap map, CellInfo cell, DemoRandom random)
    {
        var bounds = map.Projection.Project(cell.Polygon).Bounds;
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var point = map.Projection.Unproject(new PlanarPoint(
                random.Uniform(bounds.MinX, bounds.MaxX), random.Uniform(bounds.MinY, bounds.MaxY))).Round();
            if (map.Locate(point)?.Code == cell.Code)
            {
                return point;
            }
        }

        throw new InvalidOperationException($"No point found inside cell '{cell.Code}'.");
    }

    /// <summary><paramref name="take"/> distinct dwelling indices out of <paramref name="dwellings"/>, ascending.</summary>
    private static int[] Slots(int dwellings, int take, DemoRandom random)
    {
        var all = Enumerable.Range(0, dwellings).ToArray();
        for (var i = 0; i < take; i++)
        {
            var j = i + random.Next(dwellings - i);
            (all[i], all[j]) = (all[j], all[i]);
        }

        return all[..take].Order().ToArray();
    }
}
