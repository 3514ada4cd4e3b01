using System.Globalization;
using Governance.City.Population;
using Governance.Cli.CommandLine;
using Governance.Cli.Tests.Infrastructure;
using Governance.Contracts.V1;
using Governance.TestSupport;

namespace Governance.Cli.Tests.Import;

/// <summary>`governance import` against the real application: CSV and JSONL in, bad lines named by number, a second run changing nothing.</summary>
public sealed class ImportVerbTests
{
    [Fact]
    public async Task CsvFiles_OfHouseholdsThenResidents_AreImported_BadLinesListed_AndASecondRunChangesNothing()
    {
        await using var server = await CityServer.StartBostonAsync();
        using var folder = new TempFolder("import-test");
        var centre = (await new GridService.GridServiceClient(server.Channel).ListCellsAsync(new ListCellsRequest { PageSize = 1 })).Cells[0].Centroid;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var households = folder.Combine("households.csv");
        await File.WriteAllLinesAsync(households,
        [
            "household_id,address,latitude,longitude,elevation_meters,storey,building_storeys,construction,built_year,dilapidated",
            $"h-{tag}-1,\"1 Tremont St, Apt 2\",{Invariant(centre.Latitude)},{Invariant(centre.Longitude)},12.5,2,4,brick-concrete,1925,no",
            $"h-{tag}-2,2 Tremont St,{Invariant(centre.Latitude)},{Invariant(centre.Longitude)},12.0,1,1,straw,1950,no",
        ]);
        var residents = folder.Combine("residents.csv");
        await File.WriteAllLinesAsync(residents,
        [
            "resident_id,household_id,name,id_number,phone,relation_to_head,tags,health_notes,service_needs,emergency_contacts",
            $"r-{tag}-1,h-{tag}-1,Mary Walsh,{IdNumber(1940, 1)},617-555-0101,head,elderly-alone,Diabetic,health check:weekly,John Walsh:son:617-555-0199",
            $"r-{tag}-2,h-{tag}-1,Tom Walsh,not-a-number,,spouse,,,,",
            $"r-{tag}-3,h-{tag}-1,Ann Walsh,{IdNumber(1975, 2)},,child,,,meals:sometimes,",
        ]);
        var rejects = folder.Combine("rejects.csv");

        var first = await CliRun.ExecuteAsync("import", households, "--server", server.Address, "--token", server.AdminToken);
        var people = await CliRun.ExecuteAsync("import", residents, "--server", server.Address, "--token", server.AdminToken, "--rejects", rejects);
        var again = await CliRun.ExecuteAsync("import", residents, "--server", server.Address, "--token", server.AdminToken);
        var file = (await new ResidentService.ResidentServiceClient(server.Channel).GetResidentAsync(new GetResidentRequest { ResidentId = $"r-{tag}-1" })).Resident;

        Assert.True(first.ExitCode == ExitCodes.Success, first.Error);
        Assert.Contains("created", first.Out, StringComparison.Ordinal);
        Assert.Matches(@"created\s*│\s*1\b", first.Out);
        Assert.Contains("straw", first.Out, StringComparison.Ordinal);
        Assert.True(people.ExitCode == ExitCodes.Success, people.Error);
        Assert.Matches(@"created\s*│\s*1\b", people.Out);
        Assert.Matches(@"rejected here\s*│\s*1\b", people.Out);
        Assert.Matches(@"rejected by the server\s*│\s*1\b", people.Out);
        // The bad lines by their numbers: a bad cadence here, a bad ID number at the server.
        Assert.Contains("'meals:sometimes' is not kind:daily", people.Out, StringComparison.Ordinal);
        Assert.Contains("resident.id_number", people.Out, StringComparison.Ordinal);
        var rejectLines = await File.ReadAllLinesAsync(rejects);
        Assert.Equal(["line,id,rejected_by,field,reason"], rejectLines.Take(1));
        Assert.Equal(["3", "4"], rejectLines.Skip(1).Select(line => line.Split(',')[0]).Order());
        Assert.Matches(@"unchanged \(on file already\)\s*│\s*1\b", again.Out);
        Assert.Matches(@"created\s*│\s*0\b", again.Out);
        Assert.Equal(("Mary Walsh", "health check", "John Walsh"), (file.Profile.Name, file.Profile.ServiceNeeds[0].Kind, file.Profile.EmergencyContacts[0].Name));
    }

    [Fact]
    public async Task AJsonlFile_TakesHouseholdsAndResidentsTogether_AndNamesALineThatIsNotJson()
    {
        await using var server = await CityServer.StartBostonAsync();
        using var folder = new TempFolder("import-test");
        var centre = (await new GridService.GridServiceClient(server.Channel).ListCellsAsync(new ListCellsRequest { PageSize = 1 })).Cells[0].Centroid;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var path = folder.Combine("people.jsonl");
        await File.WriteAllLinesAsync(path,
        [
            $$$"""{"household": {"householdId": "h-{{{tag}}}", "address": "9 Elm St", "location": {"latitude": {{{Invariant(centre.Latitude)}}}, "longitude": {{{Invariant(centre.Longitude)}}}}, "elevationMeters": 8, "storey": 1, "buildingStoreys": 3, "construction": "CONSTRUCTION_BRICK_WOOD", "builtYear": 1910}}""",
            $$$"""{"resident": {"residentId": "r-{{{tag}}}", "householdId": "h-{{{tag}}}", "name": "Li Wei", "idNumber": "{{{IdNumber(1950, 3)}}}", "relationToHead": "head", "tags": ["disabled"]}}""",
            "{ this is not json",
        ]);

        var run = await CliRun.ExecuteAsync("import", path, "--server", server.Address, "--token", server.AdminToken);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Matches(@"created\s*│\s*2\b", run.Out);
        Assert.Matches(@"rejected here\s*│\s*1\b", run.Out);
        Assert.Contains("is not JSON", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACsvWithoutTheColumnsItNeeds_IsAUsageError_NamingThem()
    {
        using var folder = new TempFolder("import-test");
        var path = folder.Combine("households.csv");
        await File.WriteAllLinesAsync(path, ["household_id,address", "h1,Somewhere"]);

        var run = await CliRun.ExecuteAsync("import", path, "--server", "http://127.0.0.1:1");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("needs the columns latitude, longitude", run.Error, StringComparison.Ordinal);
    }

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string IdNumber(int year, int sequence) =>
        ResidentIdNumber.Create("650103", new DateOnly(year, 3, 3), sequence, Gender.Female);
}
