using System.Text.Json;
using Governance.City.Demo;

namespace Governance.City.Tests.Demo;

public class DemoCityDeterminismTests
{
    private static string Snapshot(DemoCity city) =>
        city.Map.ToJson() + JsonSerializer.Serialize(city.Households) + JsonSerializer.Serialize(city.Residents);

    [Fact]
    public void Generate_SameSeed_GivesTheSameCity()
    {
        var first = Snapshot(DemoCityGenerator.Generate(new DemoCityOptions()));

        var city = DemoCityGenerator.Generate(new DemoCityOptions());

        Assert.Equal(first, Snapshot(city));
    }

    [Fact]
    public void Generate_DifferentSeed_GivesADifferentCity()
    {
        var a = DemoCityGenerator.Generate(new DemoCityOptions { HouseholdCount = 2_000 });
        var b = DemoCityGenerator.Generate(new DemoCityOptions { HouseholdCount = 2_000, Seed = 7 });

        Assert.NotEqual(a.Map.ToJson(), b.Map.ToJson());
        Assert.NotEqual(a.Residents.Select(r => r.Name), b.Residents.Select(r => r.Name));
    }

    [Fact]
    public void Generate_OtherCellSizeAndHouseholdCount_AreHonoured()
    {
        var city = DemoCityGenerator.Generate(new DemoCityOptions { CellSizeMeters = 200, HouseholdCount = 5_000 });

        Assert.Equal(200, city.Map.CellSizeMeters);
        Assert.Equal(5_000, city.Households.Count);
        Assert.All(city.Households, h => Assert.Equal(h.CellCode, city.Map.Locate(h.Location)?.Code));
    }

    [Fact]
    public void Generate_HouseholdCountOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoCityGenerator.Generate(new DemoCityOptions { HouseholdCount = 0 }));
    }
}
