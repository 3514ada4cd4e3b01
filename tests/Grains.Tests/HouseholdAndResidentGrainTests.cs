using System.Text.Json;
using Governance.Contracts;
using Governance.Contracts.Common;
using Governance.Contracts.Households;
using Governance.Contracts.Residents;
using Governance.Grains.Storage;
using Governance.Grains.Tests.Infrastructure;

namespace Governance.Grains.Tests;

/// <summary>Household and resident grains seed themselves from the city register.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class HouseholdAndResidentGrainTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task Household_InTheRegister_IsSeededFromIt()
    {
        var cell = fixture.City.Cells[0];
        var id = $"h{Guid.NewGuid():N}";
        var household = new HouseholdDetails(
            id, cell.Code, "1 River Road, unit 2, room 301", new GeoLocation(cell.Centroid.Latitude, cell.Centroid.Longitude),
            21.5, 3, 6, "brick-concrete", 1994, false, ["r1", "r2"]);
        await fixture.Registry.UpsertManyAsync([new RegistryRecord(RegistryKinds.Household, id, cell.Code, JsonSerializer.Serialize(household, RegisterSeed.Json))]);

        var found = await fixture.Grains.GetGrain<IHouseholdGrain>(GrainKeys.Household(id)).GetAsync();

        Assert.NotNull(found);
        Assert.Equal(household with { MemberIds = [] }, found with { MemberIds = [] });
        Assert.Equal(new[] { "r1", "r2" }, found.MemberIds.ToArray());
    }

    [Fact]
    public async Task Resident_InTheRegister_IsSeededFromIt()
    {
        var id = $"r{Guid.NewGuid():N}";
        var resident = new ResidentDetails(id, "h1", "王秀英", "female", new DateOnly(1948, 3, 9), "420102194803091227", "13812345678", "head", ["elderly-alone"]);
        await fixture.Registry.UpsertManyAsync([new RegistryRecord(RegistryKinds.Resident, id, "tc-west.0.0", JsonSerializer.Serialize(resident, RegisterSeed.Json))]);

        var found = await fixture.Grains.GetGrain<IResidentGrain>(GrainKeys.Resident(id)).GetAsync();

        Assert.NotNull(found);
        Assert.Equal((resident.Name, resident.BirthDate, resident.IdNumber), (found.Name, found.BirthDate, found.IdNumber));
        Assert.Equal(new[] { "elderly-alone" }, found.Tags.ToArray());
    }

    [Fact]
    public async Task Household_NotInTheRegister_IsNull()
    {
        Assert.Null(await fixture.Grains.GetGrain<IHouseholdGrain>(GrainKeys.Household("h-unknown")).GetAsync());
        Assert.Null(await fixture.Grains.GetGrain<IResidentGrain>(GrainKeys.Resident("r-unknown")).GetAsync());
    }

    [Fact]
    public async Task Cell_CountsTheHouseholdsTheRegisterPlacesInIt()
    {
        var cell = fixture.City.Cells[^1];
        var records = Enumerable.Range(0, 3).Select(i => new RegistryRecord(
            RegistryKinds.Household, $"hcount-{i}-{Guid.NewGuid():N}", cell.Code, "{}")).ToList();
        await fixture.Registry.UpsertManyAsync(records);

        // The count is read when the cell activates; other tests may have woken it already (neighbours are asked about duplicates).
        var grain = fixture.Grains.GetGrain<Contracts.Cells.IGridCellGrain>(GrainKeys.Cell(cell.Code));
        await grain.GetSnapshotAsync();
        await fixture.Cluster.DeactivateAsync(grain);

        var snapshot = await grain.GetSnapshotAsync();

        Assert.Equal(3, snapshot.HouseholdCount);
    }
}
