using Governance.Contracts.Projects;
using Governance.Grains.Projects;
using Governance.Grains.Tests.Infrastructure;

namespace Governance.Grains.Tests.Projects;

/// <summary>
/// The budget breakdown on the small test city (district "tc": communities "tc-west" and "tc-east"), with residents per
/// cell given here, so every share below is worked out by hand in the comments.
/// </summary>
public sealed class BudgetConcentrationTests
{
    private static readonly Governance.City.Map.CityMap City = TestCity.Build();

    private static string West(int i) => City.CellsInArea("tc-west")[i].Code;

    private static string East(int i) => City.CellsInArea("tc-east")[i].Code;

    // 300 residents in the west (200 + 100), 100 in the east.
    private static readonly Dictionary<string, int> Residents = new()
    {
        [West(0)] = 200,
        [West(1)] = 100,
        [East(0)] = 100,
    };

    [Fact]
    public void TheDistrict_SplitsByCommunity_WithTheDistrictsOwnProjectsApart()
    {
        Project[] projects =
        [
            Make("tc-west", ProjectStatus.Planned, 1_000_000),
            Make(East(3), ProjectStatus.InProgress, 600_000),
            Make("tc-east", ProjectStatus.Done, 200_000),
            Make("tc", ProjectStatus.Planned, 500_000),
        ];

        var breakdown = BudgetConcentration.Of(City, projects, Residents, "tc", factor: 2);

        // Rows: west 1,000,000 of 1,800,000 = 5/9 of the budget, 300 of 400 = 3/4 of the residents;
        // east 800,000 = 4/9 against 1/4. East: 4/9 = 0.444 > 2 × 1/4 = 0.5? No, so no warning.
        var west = breakdown.Rows.Single(r => r.Place == "tc-west");
        var east = breakdown.Rows.Single(r => r.Place == "tc-east");
        Assert.Equal(["tc-west", "tc-east"], breakdown.Rows.Select(r => r.Place).ToArray());
        Assert.Equal(new BudgetByStatus(1_000_000, 0, 0), west.Budget);
        Assert.Equal(new BudgetByStatus(0, 600_000, 200_000), east.Budget);
        Assert.Equal((300L, 5.0 / 9, 0.75, false), (west.Residents, west.BudgetShare, west.ResidentShare, west.Concentrated));
        Assert.Equal((100L, 4.0 / 9, 0.25, false), (east.Residents, east.BudgetShare, east.ResidentShare, east.Concentrated));
        Assert.Equal(new BudgetByStatus(500_000, 0, 0), breakdown.WholeArea);
        Assert.Equal(new BudgetByStatus(1_500_000, 600_000, 200_000), breakdown.Totals);
        Assert.Equal(2_300_000, breakdown.Totals.Total);
        Assert.Equal(400, breakdown.Residents);
    }

    [Fact]
    public void AStricterFactor_WarnsThePlaceWhoseBudgetShareIsAboveIt()
    {
        Project[] projects = [Make("tc-west", ProjectStatus.Planned, 1_000_000), Make("tc-east", ProjectStatus.Planned, 800_000)];

        // East: 4/9 = 0.444 of the budget against 0.25 of the residents, 1.78 times: over 1.5, under 2.
        var lenient = BudgetConcentration.Of(City, projects, Residents, "tc", factor: 2);
        var strict = BudgetConcentration.Of(City, projects, Residents, "tc", factor: 1.5);

        Assert.Empty(lenient.Rows.Where(r => r.Concentrated));
        Assert.Equal(["tc-east"], strict.Rows.Where(r => r.Concentrated).Select(r => r.Place).ToArray());
        Assert.Equal(1.5, strict.ConcentrationFactor);
    }

    [Fact]
    public void ACommunity_SplitsByCell_AndACellWithBudgetAndNoResidents_IsAlwaysWarned()
    {
        // The model village: most of the money in one cell where 100 of the west's 300 residents live.
        Project[] projects =
        [
            Make(West(1), ProjectStatus.InProgress, 900_000),
            Make(West(0), ProjectStatus.Planned, 100_000),
            Make(West(5), ProjectStatus.Planned, 1),
            Make(East(0), ProjectStatus.Planned, 7_000_000),
        ];

        var breakdown = BudgetConcentration.Of(City, projects, Residents, "tc-west", factor: 2);

        // Cell 1: 900,000 of 1,000,001 against 100 of 300: 0.9 > 2 × 1/3 = 0.667, warned. Cell 0: 0.1 against 2/3, not.
        // Cell 5: one yuan and nobody on file, warned. The east's project is not in the west at all.
        Assert.Equal(City.CellsInArea("tc-west").Count, breakdown.Rows.Length);
        Assert.Equal([West(1), West(5)], breakdown.Rows.Where(r => r.Concentrated).Select(r => r.Place).ToArray());
        Assert.Equal(900_000.0 / 1_000_001, breakdown.Rows.Single(r => r.Place == West(1)).BudgetShare);
        Assert.Equal(1.0 / 3, breakdown.Rows.Single(r => r.Place == West(1)).ResidentShare);
        Assert.Equal(1_000_001, breakdown.Totals.Total);
        Assert.Equal(BudgetByStatus.None, breakdown.WholeArea);
    }

    [Fact]
    public void TheCity_SplitsByTopArea()
    {
        Project[] projects = [Make(West(2), ProjectStatus.Done, 40), Make("tc-east", ProjectStatus.Planned, 60)];

        var breakdown = BudgetConcentration.Of(City, projects, Residents, "", factor: 2);

        var district = Assert.Single(breakdown.Rows);
        Assert.Equal(("tc", 100L, 400L, 1.0, 1.0, false), (district.Place, district.Budget.Total, district.Residents, district.BudgetShare, district.ResidentShare, district.Concentrated));
    }

    [Fact]
    public void AnAreaWithoutProjects_HasZeroSharesAndNoWarnings()
    {
        var breakdown = BudgetConcentration.Of(City, [], Residents, "tc", factor: 2);

        Assert.All(breakdown.Rows, r => Assert.Equal((0.0, false), (r.BudgetShare, r.Concentrated)));
        Assert.Equal(0.75, breakdown.Rows[0].ResidentShare);
    }

    private static int _sequence;

    private static Project Make(string area, ProjectStatus status, long yuan) =>
        new($"prj-{Interlocked.Increment(ref _sequence)}", new ProjectDraft("A project", ProjectPriority.Medium, yuan, status, area, "head-of-works"),
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1);
}
