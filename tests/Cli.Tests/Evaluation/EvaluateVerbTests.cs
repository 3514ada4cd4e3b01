using Governance.Cli.CommandLine;
using Governance.Cli.Tests.Cases;
using Governance.Cli.Tests.Infrastructure;
using Governance.Contracts.V1;

namespace Governance.Cli.Tests.Evaluation;

/// <summary>`governance evaluate` against the real application: a cell's figures as a table, and what the server refuses.</summary>
public sealed class EvaluateVerbTests
{
    private static string Day(int fromToday) => DateTime.UtcNow.AddDays(fromToday).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Evaluate_PrintsACellsFigures()
    {
        await using var server = await CityServer.StartBostonAsync();
        var registered = await CaseVerbTests.ReportPotholeAsync(server, "road.pothole-small");
        var rejected = await CaseVerbTests.ReportPotholeAsync(server, "road.pothole-deep");
        await CliRun.ExecuteAsync("case", "step", registered, "register", "--actor", "dispatcher-1", "--server", server.Address, "--token", server.AdminToken);
        await CliRun.ExecuteAsync("case", "step", rejected, "reject", "--actor", "dispatcher-1", "--reason", "private land", "--server", server.Address, "--token", server.AdminToken);
        var cell = (await new CaseService.CaseServiceClient(server.Channel).GetCaseAsync(new GetCaseRequest { CaseId = registered })).Case.CellId;

        var evaluated = await CliRun.ExecuteAsync("evaluate", "--area", cell, "--from", Day(-1), "--to", Day(1), "--server", server.Address, "--token", server.AdminToken);

        Assert.True(evaluated.ExitCode == ExitCodes.Success, evaluated.Error);
        Assert.Contains($"Evaluation of {cell}", evaluated.Out, StringComparison.Ordinal);
        Assert.Matches(@"opened\s+│\s+2\s", evaluated.Out);
        Assert.Matches(@"registration rate\s+│\s+50\.0%", evaluated.Out);
        Assert.Matches(@"\n\s*│\s*satisfaction\s+│\s+-", evaluated.Out);
        Assert.Matches(@"survey satisfaction\s+│\s+-", evaluated.Out);
    }

    [Fact]
    public async Task Evaluate_WithoutAnAreaOrDepartment_PrintsTheServersReason_AndExitsFailed()
    {
        await using var server = await CityServer.StartBostonAsync();

        var refused = await CliRun.ExecuteAsync("evaluate", "--from", Day(0), "--to", Day(0), "--server", server.Address, "--token", server.AdminToken);
        var noDays = await CliRun.ExecuteAsync("evaluate", "--area", "x");

        Assert.Equal(ExitCodes.Failed, refused.ExitCode);
        Assert.Contains("area: give exactly one of area and department", refused.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, noDays.ExitCode);
        Assert.Contains("--from", noDays.Error, StringComparison.Ordinal);
    }
}
