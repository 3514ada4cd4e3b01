using Governance.City.Population;
using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;

namespace Governance.Gateway.Tests;

/// <summary>In the real host, the visit watch opens a case in the cell of a resident whose visit is overdue past the grace period.</summary>
public sealed class VisitWatchHostTests
{
    [Fact]
    public async Task AVisitOverduePastTheGracePeriod_OpensOneCaseInTheResidentsCell()
    {
        using var folder = new TempFolder("visit-watch-host");
        // No grace, and a look every second: a need due when it is put on file is missed at once.
        await using var host = await GatewayHost.StartAsync(folder.Path, "--Visits:CheckSeconds=1", "--Visits:GraceDays=0");
        var (cellId, centre) = await CityProbe.FreshCellAsync(host);
        var households = new HouseholdService.HouseholdServiceClient(host.Channel);
        var residents = new ResidentService.ResidentServiceClient(host.Channel);
        await households.CreateHouseholdAsync(new CreateHouseholdRequest
        {
            Profile = new HouseholdProfile
            {
                HouseholdId = "h-watch-1", Address = "1 Watch Lane", Location = centre, ElevationMeters = 10, Storey = 1, BuildingStoreys = 2,
                Construction = Construction.BrickWood, BuiltYear = 1958,
            },
        });
        await residents.CreateResidentAsync(new CreateResidentRequest
        {
            Profile = new ResidentProfile
            {
                ResidentId = "r-watch-1", HouseholdId = "h-watch-1", Name = "Fang Lin", RelationToHead = "head",
                IdNumber = ResidentIdNumber.Create("650107", new DateOnly(1935, 9, 9), 1, Gender.Female),
                ServiceNeeds = { new ServiceNeed { Kind = "phone call", Cadence = ServiceCadence.Daily } },
            },
        });

        var opened = await WaitForCasesAsync(host, cellId, 1, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var afterMoreLooks = await WaitForCasesAsync(host, cellId, 1, TimeSpan.Zero);

        var missed = Assert.Single(opened);
        Assert.Contains("phone call of Fang Lin (r-watch-1)", missed.Headline, StringComparison.Ordinal);
        Assert.Equal(missed.CaseId, Assert.Single(afterMoreLooks).CaseId);
    }

    private static async Task<List<CaseListEntry>> WaitForCasesAsync(GatewayHost host, string cellId, int atLeast, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var listed = await host.Cases.ListCasesAsync(new ListCasesRequest { Area = cellId, Category = "care.visit-overdue" });
            if (listed.Cases.Count >= atLeast || DateTime.UtcNow >= deadline)
            {
                return [.. listed.Cases];
            }

            await Task.Delay(250);
        }
    }
}
