using Governance.Cli.CommandLine;
using Governance.Cli.Tests.Infrastructure;
using Governance.Contracts.V1;

namespace Governance.Cli.Tests.Projects;

/// <summary>`governance projects` against the real application on Boston's neighbourhoods (no residents on file).</summary>
public sealed class ProjectsVerbTests
{
    [Fact]
    public async Task Projects_AreAdded_Listed_Changed_AndTheirBudgetBrokenDown()
    {
        await using var server = await CityServer.StartBostonAsync();
        var areas = (await new GridService.GridServiceClient(server.Channel).ListAreasAsync(new ListAreasRequest())).Areas;
        var (first, second) = (areas[0].Code, areas[1].Code);
        string[] target = ["--server", server.Address, "--token", server.AdminToken];

        var park = await CliRun.ExecuteAsync(["projects", "add", "--name", "Pocket park", "--priority", "low", "--budget", "250000", "--area", first, "--responsible", "Ms Chen", .. target]);
        var wall = await CliRun.ExecuteAsync(["projects", "add", "--name", "Sea wall", "--priority", "high", "--budget", "12000000", "--status", "in-progress", "--area", second, "--responsible", "Mr Li", .. target]);
        var done = await CliRun.ExecuteAsync(["projects", "update", "prj-1", "--status", "done", .. target]);
        var list = await CliRun.ExecuteAsync(["projects", "list", .. target]);
        var budget = await CliRun.ExecuteAsync(["projects", "budget", .. target]);

        Assert.True(park.ExitCode == ExitCodes.Success, park.Error);
        Assert.Contains("Added prj-1 (version 1)", park.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, wall.ExitCode);
        Assert.True(done.ExitCode == ExitCodes.Success, done.Error);
        Assert.Contains("Changed prj-1 (version 2)", done.Out, StringComparison.Ordinal);
        Assert.Matches(@"│\s*done\s*│", done.Out);
        // High priority first; the total is the sum of both budgets.
        Assert.True(list.Out.IndexOf("Sea wall", StringComparison.Ordinal) < list.Out.IndexOf("Pocket park", StringComparison.Ordinal), list.Out);
        Assert.Contains("2 projects, 12,250,000 in all", list.Out, StringComparison.Ordinal);
        // Both neighbourhoods have money and nobody on file: each is warned about.
        Assert.True(budget.ExitCode == ExitCodes.Success, budget.Error);
        Assert.Matches(@"total\s*│\s*│\s*0\s*│\s*12,000,000\s*│\s*250,000\s*│\s*12,250,000", budget.Out);
        Assert.Contains($"({first}) has 2.0% of the budget and no residents on file", budget.Out, StringComparison.Ordinal);
        Assert.Contains($"({second}) has 98.0% of the budget and no residents on file", budget.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadProject_PrintsTheServersReason_AndAnUnknownPriorityIsAUsageError()
    {
        await using var server = await CityServer.StartBostonAsync();
        string[] target = ["--server", server.Address, "--token", server.AdminToken];

        var negative = await CliRun.ExecuteAsync(["projects", "add", "--name", "X", "--priority", "high", "--budget", "-1", "--area", "nowhere", "--responsible", "li", .. target]);
        var unknownPriority = await CliRun.ExecuteAsync(["projects", "add", "--name", "X", "--priority", "urgent", "--budget", "1", "--area", "x", "--responsible", "li", .. target]);
        var listed = await CliRun.ExecuteAsync(["projects", "list", .. target]);

        Assert.Equal(ExitCodes.Failed, negative.ExitCode);
        Assert.Contains("fields.budget_yuan: is -1; a budget is whole yuan from 0 to 100,000,000,000", negative.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, unknownPriority.ExitCode);
        Assert.Contains("urgent", unknownPriority.Error, StringComparison.Ordinal);
        Assert.Contains("0 projects, 0 in all", listed.Out, StringComparison.Ordinal);
    }
}
