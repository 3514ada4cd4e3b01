using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;

namespace Governance.Gateway.Tests.Risk;

/// <summary>An application of its own for tests that promote models (the promoted model is one per city), polling the registry every second.</summary>
public sealed class RiskHostFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new("risk-tests");

    public GatewayHost Host { get; private set; } = null!;

    public RiskService.RiskServiceClient Risk => new(Host.Channel);

    public async Task InitializeAsync() => Host = await GatewayHost.StartAsync(_folder.Path, "--Risk:PollSeconds=1");

    /// <summary>Up to <paramref name="count"/> household ids of the demo city, from its first cells.</summary>
    public async Task<List<string>> HouseholdsAsync(int count)
    {
        var households = new HouseholdService.HouseholdServiceClient(Host.Channel);
        var ids = new List<string>();
        foreach (var cell in (await Host.Grid.ListCellsAsync(new ListCellsRequest { PageSize = 200 })).Cells)
        {
            ids.AddRange((await households.SearchHouseholdsAsync(new SearchHouseholdsRequest { CellId = cell.CellId, PageSize = 50 })).Households.Select(h => h.Profile.HouseholdId));
            if (ids.Count >= count)
            {
                break;
            }
        }

        return ids.Take(count).ToList();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _folder.Dispose();
    }
}
