using System.Net.Http.Headers;
using System.Text.Json;
using Governance.City.Map;
using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Gateway.Tests.Township;

/// <summary>
/// The project library over the API, on the demo city and its residents. The library is the city's one, shared by these
/// tests: each works in a street of its own, and every share it checks is worked out here from the residents on file.
/// </summary>
[Collection(DemoCityCollection.Name)]
public sealed class ProjectLibraryTests(DemoCityHostFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    private CityMap City => Host.Services.GetRequiredService<CityMap>();

    private ProjectService.ProjectServiceClient Official => new(Host.ChannelAs("township-office", "civil-affairs"));

    [Fact]
    public async Task TheBudgetOfAStreet_SplitsByCommunity_WithSharesWorkedOutFromTheResidentsOnFile_AndWarnsOfTheModelVillage()
    {
        var street = StreetWithCommunities(index: 0);
        var communities = City.ChildrenOf(street).Select(c => c.Code).ToArray();
        var residents = new Dictionary<string, long>();
        foreach (var community in communities)
        {
            residents[community] = await ResidentsOnFile.InAsync(Host, community);
        }

        // The model village is the community with the fewest residents; two others get some, the street one more.
        var ordered = communities.OrderBy(c => residents[c]).ThenBy(c => c, StringComparer.Ordinal).ToArray();
        var (model, second, third) = (ordered[0], ordered[1], ordered[2]);
        var inSecond = City.CellsInArea(second)[0].Code;
        await AddAsync("Model village square", ProjectPriority.High, 8_000_000, ProjectStatus.Planned, model);
        await AddAsync("Street lights", ProjectPriority.Medium, 1_000_000, ProjectStatus.InProgress, inSecond);
        await AddAsync("Toilet renovation", ProjectPriority.Low, 500_000, ProjectStatus.Done, third);
        await AddAsync("Street office roof", ProjectPriority.Low, 300_000, ProjectStatus.Planned, street);

        var budget = await Official.GetProjectBudgetAsync(new GetProjectBudgetRequest { Area = street });
        var lenient = await Official.GetProjectBudgetAsync(new GetProjectBudgetRequest { Area = street, ConcentrationFactor = 100 });

        // By hand: 9,500,000 yuan among the communities, the street's own 300,000 apart.
        var budgets = communities.ToDictionary(c => c, c => c == model ? 8_000_000L : c == second ? 1_000_000L : c == third ? 500_000L : 0L);
        var (allBudget, allResidents) = (9_500_000L, residents.Values.Sum());
        Assert.Equal(communities, budget.Places.Select(p => p.Place).ToArray());
        foreach (var place in budget.Places)
        {
            var (yuan, people) = (budgets[place.Place], residents[place.Place]);
            Assert.Equal(yuan, place.Budget.TotalYuan);
            Assert.Equal(people, place.Residents);
            Assert.Equal((double)yuan / allBudget, place.BudgetShare, 12);
            Assert.Equal((double)people / allResidents, place.ResidentShare, 12);
            Assert.Equal(yuan > 0 && (people == 0 || (double)yuan / allBudget > 2 * ((double)people / allResidents)), place.Concentrated);
        }

        // The fewest residents of three or more communities is under a third of them, so 8/9.5 = 84 % is over twice its share.
        Assert.All(communities, c => Assert.True(residents[c] > 0, $"{c} has no residents on file"));
        Assert.True(budget.Places.Single(p => p.Place == model).Concentrated);
        Assert.Contains(budget.Warnings, w => w.Contains($"({model}) has 84.2% of the budget and ", StringComparison.Ordinal) && w.EndsWith("times its share", StringComparison.Ordinal));
        Assert.Equal((2.0, 100.0), (budget.ConcentrationFactor, lenient.ConcentrationFactor));
        Assert.Empty(lenient.Warnings);
        Assert.Equal((300_000L, 300_000L), (budget.WholeArea.PlannedYuan, budget.WholeArea.TotalYuan));
        Assert.Equal((8_300_000L, 1_000_000L, 500_000L, 9_800_000L),
            (budget.Totals.PlannedYuan, budget.Totals.InProgressYuan, budget.Totals.DoneYuan, budget.Totals.TotalYuan));
        Assert.Equal(allResidents, budget.Residents);
    }

    [Fact]
    public async Task Projects_AreListedByPriority_FilteredByStatusAndArea_WithTheirTotal()
    {
        var street = StreetWithCommunities(index: 1);
        var community = City.ChildrenOf(street)[0].Code;
        var low = await AddAsync("Bike racks", ProjectPriority.Low, 20_000, ProjectStatus.Planned, street);
        var high = await AddAsync("Flood wall", ProjectPriority.High, 3_000_000, ProjectStatus.InProgress, community);
        var medium = await AddAsync("Playground", ProjectPriority.Medium, 150_000, ProjectStatus.Planned, City.CellsInArea(community)[1].Code);

        var all = await Official.ListProjectsAsync(new ListProjectsRequest { Area = street });
        var planned = await Official.ListProjectsAsync(new ListProjectsRequest { Area = street, Status = ProjectStatus.Planned });
        var inCommunity = await Official.ListProjectsAsync(new ListProjectsRequest { Area = community });

        Assert.Equal([high.ProjectId, medium.ProjectId, low.ProjectId], all.Projects.Select(p => p.ProjectId).ToArray());
        Assert.Equal(3_170_000, all.TotalBudgetYuan);
        Assert.Equal([medium.ProjectId, low.ProjectId], planned.Projects.Select(p => p.ProjectId).ToArray());
        Assert.Equal(170_000, planned.TotalBudgetYuan);
        Assert.Equal([high.ProjectId, medium.ProjectId], inCommunity.Projects.Select(p => p.ProjectId).ToArray());
    }

    [Fact]
    public async Task AnUpdate_NamesTheVersionItWasMadeFrom_AndAStaleOneIsAborted()
    {
        var street = StreetWithCommunities(index: 2);
        var added = await AddAsync("Drainage ditch", ProjectPriority.Medium, 400_000, ProjectStatus.Planned, street);
        var fields = added.Fields.Clone();
        fields.Status = ProjectStatus.InProgress;

        var started = (await Official.UpdateProjectAsync(new UpdateProjectRequest { ProjectId = added.ProjectId, Version = 1, Fields = fields })).Project;
        fields.BudgetYuan = 1;
        var stale = await RpcAssert.FailsWith(StatusCode.Aborted, () => Official.UpdateProjectAsync(new UpdateProjectRequest { ProjectId = added.ProjectId, Version = 1, Fields = fields }).ResponseAsync);
        var read = (await Official.GetProjectAsync(new GetProjectRequest { ProjectId = added.ProjectId })).Project;

        Assert.Equal((2, ProjectStatus.InProgress), (started.Version, started.Fields.Status));
        Assert.Contains("version 2, not 1", stale.Status.Detail, StringComparison.Ordinal);
        Assert.Equal((2, 400_000L), (read.Version, read.Fields.BudgetYuan));
    }

    [Fact]
    public async Task BadFields_AreRefusedNamingEachField_AndAddNothing()
    {
        var before = (await Official.ListProjectsAsync(new ListProjectsRequest())).Projects.Count;
        var noArea = new ProjectFields { Name = "X", Priority = ProjectPriority.High, Status = ProjectStatus.Planned, Area = "atlantis", Responsible = "li", BudgetYuan = 5 };

        var negative = await RpcAssert.InvalidField("fields.budget_yuan", () => Official.CreateProjectAsync(new CreateProjectRequest
        {
            Fields = new ProjectFields { Name = "X", Priority = ProjectPriority.High, Status = ProjectStatus.Planned, Area = StreetWithCommunities(0), Responsible = "li", BudgetYuan = -5 },
        }).ResponseAsync);
        var noPriority = await RpcAssert.InvalidField("fields.priority", () => Official.CreateProjectAsync(new CreateProjectRequest
        {
            Fields = new ProjectFields { Name = "X", Status = ProjectStatus.Planned, Area = StreetWithCommunities(0), Responsible = "li", BudgetYuan = 5 },
        }).ResponseAsync);
        var noFields = await RpcAssert.InvalidField("fields", () => Official.CreateProjectAsync(new CreateProjectRequest()).ResponseAsync);
        var unknownArea = await RpcAssert.FailsWith(StatusCode.NotFound, () => Official.CreateProjectAsync(new CreateProjectRequest { Fields = noArea }).ResponseAsync);
        var cellBudget = await RpcAssert.InvalidField("area", () => Official.GetProjectBudgetAsync(new GetProjectBudgetRequest { Area = City.Cells[0].Code }).ResponseAsync);
        var badFactor = await RpcAssert.InvalidField("concentration_factor", () => Official.GetProjectBudgetAsync(new GetProjectBudgetRequest { ConcentrationFactor = 0.5 }).ResponseAsync);
        var analyst = new ProjectService.ProjectServiceClient(Host.ChannelAs("analyst-1", "analyst"));
        var refused = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => analyst.CreateProjectAsync(new CreateProjectRequest { Fields = noArea }).ResponseAsync);

        Assert.Contains("from 0 to 100,000,000,000", negative.Description, StringComparison.Ordinal);
        Assert.Contains("high, medium or low", noPriority.Description, StringComparison.Ordinal);
        Assert.Contains("required", noFields.Description, StringComparison.Ordinal);
        Assert.StartsWith("fields.area: ", unknownArea.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("is a cell", cellBudget.Description, StringComparison.Ordinal);
        Assert.Contains("from 1 to 100", badFactor.Description, StringComparison.Ordinal);
        Assert.Contains("may not call ProjectService.CreateProject", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, (await Official.ListProjectsAsync(new ListProjectsRequest())).Projects.Count);
    }

    [Fact]
    public async Task TheBudget_ReadsTheSameOverJson()
    {
        var street = StreetWithCommunities(index: 3);
        await AddAsync("Clinic", ProjectPriority.High, 2_500_000, ProjectStatus.Planned, City.ChildrenOf(street)[0].Code);
        var overGrpc = await Official.GetProjectBudgetAsync(new GetProjectBudgetRequest { Area = street });

        using var web = Host.WebClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/project-budget?area={street}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Host.TokenFor("analyst-1", "analyst"));
        using var answer = await web.SendAsync(request);
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());

        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        // int64 is a string in JSON, as proto3's mapping says.
        Assert.Equal("2500000", body.RootElement.GetProperty("totals").GetProperty("totalYuan").GetString());
        Assert.Equal(overGrpc.Places.Count, body.RootElement.GetProperty("places").GetArrayLength());
        Assert.Equal(overGrpc.Warnings.Count, body.RootElement.GetProperty("warnings").GetArrayLength());
    }

    private async Task<Project> AddAsync(string name, ProjectPriority priority, long yuan, ProjectStatus status, string area) =>
        (await Official.CreateProjectAsync(new CreateProjectRequest
        {
            Fields = new ProjectFields { Name = name, Priority = priority, BudgetYuan = yuan, Status = status, Area = area, Responsible = "director-wang" },
        })).Project;

    // The demo city's streets with three or more communities, counted from the end so other tests' early streets stay apart.
    private string StreetWithCommunities(int index) =>
        City.Areas.Where(a => a.Level == Governance.City.Map.AreaLevel.Street && City.ChildrenOf(a.Code).Count >= 3).Reverse().ElementAt(index).Code;
}
