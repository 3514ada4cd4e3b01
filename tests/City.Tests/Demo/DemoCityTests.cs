using Governance.City.Map;
using Governance.City.Population;

namespace Governance.City.Tests.Demo;

public class DemoCityTests(DemoCityFixture fixture) : IClassFixture<DemoCityFixture>
{
    private readonly CityMap _map = fixture.City.Map;
    private readonly IReadOnlyList<HouseholdRecord> _households = fixture.City.Households;
    private readonly IReadOnlyList<ResidentRecord> _residents = fixture.City.Residents;

    [Fact]
    public void Generate_HasDistrictsOfSeveralStreetsOfSeveralCommunities()
    {
        var districts = _map.Areas.Where(a => a.Level == AreaLevel.District).ToList();

        Assert.True(districts.Count >= 2);
        Assert.All(districts, d =>
        {
            var streets = _map.ChildrenOf(d.Code);
            Assert.True(streets.Count >= 3, $"{d.Code} has {streets.Count} streets");
            Assert.All(streets, s =>
            {
                Assert.Equal(AreaLevel.Street, s.Level);
                Assert.True(_map.ChildrenOf(s.Code).Count >= 3, $"{s.Code} has too few communities");
                Assert.All(_map.ChildrenOf(s.Code), c => Assert.Equal(AreaLevel.Community, c.Level));
            });
        });
        Assert.All(_map.Areas, a => Assert.True(AreaCodes.IsValid(a.Code)));
        Assert.Equal("Jiangcheng demo city", _map.Name);
    }

    [Fact]
    public void Generate_Cells_AreManyAndAllHaveTerrainInCommunities()
    {
        Assert.InRange(_map.Cells.Count, 2_000, 3_500);
        Assert.All(_map.Cells, c =>
        {
            Assert.Equal(AreaLevel.Community, _map.FindArea(c.AreaCode)!.Level);
            Assert.InRange(c.ElevationMeters!.Value, 0, 200);
            Assert.InRange(c.DistanceToRiverMeters!.Value, 0, 4_000);
        });
    }

    [Fact]
    public void Generate_Communities_PartitionTheDistricts()
    {
        foreach (var district in _map.Areas.Where(a => a.Level == AreaLevel.District))
        {
            var districtArea = _map.Projection.Project(district.Boundary!).Area;
            var communities = _map.CellsInArea(district.Code).Sum(c => c.AreaSquareMeters);
            Assert.Equal(districtArea, communities, districtArea * 0.001);
        }
    }

    [Fact]
    public void Generate_Terrain_IsLowNearTheRiverAndHigherAway()
    {
        var near = _map.Cells.Where(c => c.DistanceToRiverMeters < 200).Average(c => c.ElevationMeters!.Value);
        var far = _map.Cells.Where(c => c.DistanceToRiverMeters > 1_000).Average(c => c.ElevationMeters!.Value);

        Assert.True(far > near + 5, $"near the river {near:F1} m, away {far:F1} m");
    }

    [Fact]
    public void Generate_Households_AreManyAndEachLocatesToItsOwnCell()
    {
        Assert.True(_households.Count >= 20_000);
        Assert.All(_households, h =>
        {
            Assert.True(_map.TryGetCell(h.CellCode, out _), $"{h.Id} is in unknown cell {h.CellCode}");
            Assert.Equal(h.CellCode, _map.Locate(h.Location)?.Code);
            Assert.InRange(h.Storey, 1, h.BuildingStoreys);
            Assert.InRange(h.BuiltYear, 1900, 2026);
            Assert.InRange(h.MemberIds.Count, 1, 5);
            Assert.Matches("^h[0-9]{6}$", h.Id);
            Assert.Contains("社区", h.Address, StringComparison.Ordinal);
        });
        Assert.Equal(_households.Count, _households.Select(h => h.Id).Distinct().Count());
    }

    [Fact]
    public void Generate_Households_AreDenserInSomeCommunities()
    {
        var perArea = _map.Areas.Where(a => a.Level == AreaLevel.Community)
            .Select(a => _households.Count(h => h.CellCode.StartsWith(a.Code + ".", StringComparison.Ordinal))
                / (_map.CellsInArea(a.Code).Sum(c => c.AreaSquareMeters) / 1e6))
            .ToList();

        Assert.True(perArea.Max() > 2 * perArea.Min(), $"densities {perArea.Min():F0}–{perArea.Max():F0} per km²");
    }

    [Fact]
    public void Generate_Residents_HavePlausibleAgesValidIdsAndPhones()
    {
        var today = DemoCityFixture.Options.ReferenceDate;
        var ages = _residents.Select(r => Age(r.BirthDate, today)).ToList();

        Assert.All(ages, a => Assert.InRange(a, 0, 105));
        Assert.InRange(ages.Count(a => a >= 60) / (double)ages.Count, 0.15, 0.28);
        Assert.InRange(_residents.Count / (double)_households.Count, 2.3, 2.9);
        Assert.All(_residents, r =>
        {
            Assert.True(ResidentIdNumber.IsValid(r.IdNumber), $"{r.Id}: {r.IdNumber}");
            Assert.True(ResidentIdNumber.TryGetBirthDate(r.IdNumber, out var birth) && birth == r.BirthDate, $"{r.Id}: {r.IdNumber} vs {r.BirthDate}");
            Assert.Equal(r.Gender, ResidentIdNumber.GenderOf(r.IdNumber));
            Assert.True(MobileNumber.IsValid(r.Phone), $"{r.Id}: {r.Phone}");
            Assert.InRange(r.Name.Length, 2, 4);
            Assert.Matches("^r[0-9]{7}$", r.Id);
        });
        Assert.Equal(_residents.Count, _residents.Select(r => r.IdNumber).Distinct().Count());
    }

    [Fact]
    public void Generate_EveryHousehold_HasItsMembersWithOneHeadFirst()
    {
        var byId = _residents.ToDictionary(r => r.Id);

        Assert.Equal(_residents.Count, _households.Sum(h => h.MemberIds.Count));
        Assert.All(_households, h =>
        {
            var members = h.MemberIds.Select(id => byId[id]).ToList();
            Assert.All(members, m => Assert.Equal(h.Id, m.HouseholdId));
            Assert.True(members[0].IsHead);
            Assert.Equal(HouseholdRelation.Head, members[0].Relation);
            Assert.Single(members, m => m.IsHead);
        });
    }

    [Fact]
    public void Generate_Tags_FollowTheirRules()
    {
        var today = DemoCityFixture.Options.ReferenceDate;
        var households = _households.ToDictionary(h => h.Id);
        double Share(string tag) => _residents.Count(r => r.Tags.Contains(tag)) / (double)_residents.Count;

        Assert.All(_residents.Where(r => r.Tags.Contains(ResidentTags.ElderlyAlone)), r =>
        {
            Assert.True(Age(r.BirthDate, today) >= 70);
            Assert.Single(households[r.HouseholdId].MemberIds);
        });
        Assert.All(_residents.Where(r => r.Tags.Contains(ResidentTags.LeftBehindChild)), r =>
        {
            Assert.True(Age(r.BirthDate, today) < 18);
            Assert.Equal(HouseholdRelation.Grandchild, r.Relation);
        });
        Assert.All(_residents.Where(r => r.Tags.Contains(ResidentTags.FiveGuarantee)), r => Assert.Contains(ResidentTags.ElderlyAlone, r.Tags));
        Assert.InRange(Share(ResidentTags.LowIncome), 0.015, 0.05);
        Assert.InRange(Share(ResidentTags.Disabled), 0.01, 0.035);
        Assert.InRange(Share(ResidentTags.FiveGuarantee), 0.0001, 0.005);
        Assert.InRange(Share(ResidentTags.LeftBehindChild), 0.001, 0.02);
        Assert.True(Share(ResidentTags.ElderlyAlone) > 0.005);
    }

    [Fact]
    public void Generate_Buildings_OldBrickWoodIsMoreOftenDilapidated()
    {
        double Rate(ConstructionType type) =>
            _households.Where(h => h.Construction == type).Average(h => h.Dilapidated ? 1.0 : 0.0);

        Assert.All(Enum.GetValues<ConstructionType>(), t => Assert.Contains(_households, h => h.Construction == t));
        Assert.True(Rate(ConstructionType.BrickWood) > 5 * Rate(ConstructionType.ReinforcedConcrete));
    }

    private static int Age(DateOnly birthDate, DateOnly today)
    {
        var age = today.Year - birthDate.Year;
        return birthDate > today.AddYears(-age) ? age - 1 : age;
    }
}
