using Governance.City.Population;
using Governance.Cli.CommandLine;
using Governance.Cli.Tests.Infrastructure;
using Governance.Contracts.V1;

namespace Governance.Cli.Tests.Visits;

/// <summary>`governance visits` against the real application: a grid worker's list of whom to visit, and a visit recorded.</summary>
public sealed class VisitsVerbTests
{
    [Fact]
    public async Task Due_ListsTheWorkersResidents_AndRecord_MovesTheNeedOn()
    {
        await using var server = await CityServer.StartBostonAsync();
        var cell = (await new GridService.GridServiceClient(server.Channel).ListCellsAsync(new ListCellsRequest { PageSize = 1 })).Cells[0];
        var residents = new ResidentService.ResidentServiceClient(server.Channel);
        await residents.AssignGridWorkerAsync(new AssignGridWorkerRequest { CellId = cell.CellId, WorkerId = "worker-7" });
        await new HouseholdService.HouseholdServiceClient(server.Channel).CreateHouseholdAsync(new CreateHouseholdRequest
        {
            Profile = new HouseholdProfile
            {
                HouseholdId = "h-cli-1", Address = "3 Beacon St", Location = cell.Centroid, ElevationMeters = 6, Storey = 1, BuildingStoreys = 3,
                Construction = Construction.BrickConcrete, BuiltYear = 1900,
            },
        });
        await residents.CreateResidentAsync(new CreateResidentRequest
        {
            Profile = new ResidentProfile
            {
                ResidentId = "r-cli-1", HouseholdId = "h-cli-1", Name = "Ruth Cohen", RelationToHead = "head",
                IdNumber = ResidentIdNumber.Create("650108", new DateOnly(1933, 2, 2), 7, Gender.Female),
                ServiceNeeds = { new ServiceNeed { Kind = "health check", Cadence = ServiceCadence.Weekly } },
            },
        });

        var due = await CliRun.ExecuteAsync("visits", "due", "--worker", "worker-7", "--server", server.Address, "--token", server.AdminToken);
        var recorded = await CliRun.ExecuteAsync(
            "visits", "record", "r-cli-1", "--kind", "health check", "--by", "worker-7", "--measure", "blood pressure=128/84 mmHg", "--server", server.Address, "--token", server.AdminToken);
        var after = await CliRun.ExecuteAsync("visits", "due", "--cell", cell.CellId, "--server", server.Address, "--token", server.AdminToken);
        var both = await CliRun.ExecuteAsync("visits", "due", "--server", server.Address, "--token", server.AdminToken);
        var file = (await residents.GetResidentAsync(new GetResidentRequest { ResidentId = "r-cli-1" })).Resident;

        Assert.True(due.ExitCode == ExitCodes.Success, due.Error);
        Assert.Contains("Ruth Cohen", due.Out, StringComparison.Ordinal);
        Assert.Contains("health check", due.Out, StringComparison.Ordinal);
        Assert.True(recorded.ExitCode == ExitCodes.Success, recorded.Error);
        Assert.Contains("health check (weekly): next due", recorded.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Ruth Cohen", after.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, both.ExitCode);
        Assert.Contains("Give --worker or --cell", both.Error, StringComparison.Ordinal);
        var reading = Assert.Single(Assert.Single(file.ServiceHistory).Measurements);
        Assert.Equal(("blood pressure", "128/84", "mmHg"), (reading.Name, reading.Value, reading.Unit));
    }
}
