using System.Globalization;
using System.Text.RegularExpressions;
using Governance.Cli.CommandLine;
using Governance.Cli.Tests.Infrastructure;
using Governance.Contracts.V1;

namespace Governance.Cli.Tests.Surveys;

/// <summary>`governance surveys` against the real application with the demo city's residents.</summary>
public sealed partial class SurveysVerbTests
{
    [Fact]
    public async Task ASurvey_IsSentToASample_Answered_AndItsResultsShown()
    {
        await using var server = await CityServer.StartDemoCityAsync();
        var community = (await new GridService.GridServiceClient(server.Channel).ListAreasAsync(new ListAreasRequest())).Areas.First(a => a.Level == AreaLevel.Community).Code;
        string[] target = ["--server", server.Address, "--token", server.AdminToken];
        var closes = DateTimeOffset.UtcNow.AddDays(7).ToString("o", CultureInfo.InvariantCulture);

        var created = await CliRun.ExecuteAsync(["surveys", "create", "--title", "Street lights", "--question", "How satisfied are you with the new lights?",
            "--area", community, "--sample", "3", "--seed", "9", "--closes", closes, .. target]);
        var drawn = Drawn().Matches(created.Out).Select(m => m.Groups[1].Value).ToArray();
        var answered = await CliRun.ExecuteAsync(["surveys", "answer", "srv-1", "--resident", drawn[0], "--score", "4", "--comment", "Much safer at night.", .. target]);
        var twice = await CliRun.ExecuteAsync(["surveys", "answer", "srv-1", "--resident", drawn[0], "--score", "2", .. target]);
        var shown = await CliRun.ExecuteAsync(["surveys", "show", "srv-1", .. target]);
        var listed = await CliRun.ExecuteAsync(["surveys", "list", "--area", community, .. target]);

        Assert.True(created.ExitCode == ExitCodes.Success, created.Error);
        Assert.Matches(@"sampled\s*│\s*3 \(seed 9\)", created.Out);
        Assert.Equal(3, drawn.Distinct().Count());
        Assert.True(answered.ExitCode == ExitCodes.Success, answered.Error);
        Assert.Equal(ExitCodes.Failed, twice.ExitCode);
        Assert.Contains($"resident_id: {drawn[0]} answered srv-1 already", twice.Error, StringComparison.Ordinal);
        Assert.Matches(@"answered\s*│\s*1 \(33\.3%\)", shown.Out);
        Assert.Matches(@"mean score\s*│\s*4\.00 of 5", shown.Out);
        Assert.Matches(@"scores 1-5\s*│\s*0 / 0 / 0 / 1 / 0", shown.Out);
        Assert.Matches(@"srv-1\s*│\s*Street lights.*1 of 3\s*│\s*4\.00", listed.Out);
    }

    // A row of the "Residents drawn" table: the id, then whether they answered.
    [GeneratedRegex(@"│\s*(\S+)\s*│\s*no\s*│")]
    private static partial Regex Drawn();
}
