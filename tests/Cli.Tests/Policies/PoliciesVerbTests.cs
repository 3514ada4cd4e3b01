using Governance.Cli.CommandLine;
using Governance.Cli.Policies;
using Governance.Cli.Tests.Infrastructure;
using Governance.Contracts.V1;
using Governance.TestSupport;
using Governance.TestSupport.Browser;

namespace Governance.Cli.Tests.Policies;

/// <summary>
/// `governance policies` against the real application on Boston's neighbourhoods. No residents are on file there and no
/// case is tagged, so satisfaction and complaint load are the neutral 0.5 and only the funds move the scores:
/// 0.4 × 0.5 + 0.3 × fund use − 0.3 × 0.5 = 0.05 + 0.3 × fund use.
/// </summary>
public sealed class PoliciesVerbTests
{
    private const string Quarter = "2026-Q3";

    [Fact]
    public async Task Policies_AreDefinedFundedRanked_AndDrawnAsBarsAsLongAsTheirScores()
    {
        await using var server = await CityServer.StartBostonAsync();
        using var folder = new TempFolder("policy-chart");
        var areas = (await new GridService.GridServiceClient(server.Channel).ListAreasAsync(new ListAreasRequest())).Areas;
        string[] target = ["--server", server.Address, "--token", server.AdminToken];
        foreach (var (id, spent) in new[] { ("toilets", "90000"), ("waste", "50000"), ("land", "10000") })
        {
            var defined = await CliRun.ExecuteAsync(["policies", "define", id, "--name", $"The {id} policy", "--area", areas[0].Code, "--area", areas[1].Code, .. target]);
            var funded = await CliRun.ExecuteAsync(["policies", "funds", id, "--quarter", Quarter, "--allocated", "100000", "--spent", spent, .. target]);
            Assert.True(defined.ExitCode == ExitCodes.Success && funded.ExitCode == ExitCodes.Success, defined.Error + funded.Error);
        }

        var chart = folder.Combine("scores.png");
        var ranked = await CliRun.ExecuteAsync(["policies", "rank", "--quarter", Quarter, "--chart", chart, .. target]);
        var signed = folder.Combine("signed.png");
        var moneyOnly = await CliRun.ExecuteAsync(["policies", "rank", "--quarter", Quarter, "--weights", "0,1,-1", "--chart", signed, .. target]);
        var history = await CliRun.ExecuteAsync(["policies", "history", "waste", "--from", "2026-Q2", "--to", Quarter, .. target]);

        // 0.05 + 0.3 × 0.9 = 0.32; × 0.5 = 0.20; × 0.1 = 0.08.
        Assert.True(ranked.ExitCode == ExitCodes.Success, ranked.Error);
        Assert.Matches(@"1\s*│\s*toilets\s*│\s*2026-Q3\s*│\s*0\.320\s*│\s*no data\s*│\s*0\.900", ranked.Out);
        Assert.Matches(@"2\s*│\s*waste\s*│\s*2026-Q3\s*│\s*0\.200", ranked.Out);
        Assert.Matches(@"3\s*│\s*land\s*│\s*2026-Q3\s*│\s*0\.080", ranked.Out);
        Assert.Contains("score = 0.4 × satisfaction + 0.3 × fund use + -0.3 × complaint load", ranked.Out, StringComparison.Ordinal);
        var bars = Bars(PngImage.Decode(File.ReadAllBytes(chart)), PolicyChart.Above);
        Assert.Equal(3, bars.Count);
        Assert.Equal(0.20 / 0.32, (double)bars[1] / bars[0], 2);
        Assert.Equal(0.08 / 0.32, (double)bars[2] / bars[0], 2);

        // Fund use less the neutral complaint load: 0.4, 0, −0.4. The one below zero is red, as long as the first is blue.
        Assert.True(moneyOnly.ExitCode == ExitCodes.Success, moneyOnly.Error);
        Assert.Matches(@"3\s*│\s*land\s*│\s*2026-Q3\s*│\s*-0\.400", moneyOnly.Out);
        var image = PngImage.Decode(File.ReadAllBytes(signed));
        var (above, below) = (Bars(image, PolicyChart.Above), Bars(image, PolicyChart.Below));
        Assert.Single(above);
        Assert.Single(below);
        Assert.InRange((double)below[0] / above[0], 0.97, 1.03);

        // The quarter before had no funds: 0.05 + 0.3 × 0.5 = 0.2 too, by another route.
        Assert.Matches(@"│\s*waste\s*│\s*2026-Q2\s*│\s*0\.200\s*│\s*no data\s*│\s*no data", history.Out);
    }

    [Fact]
    public async Task BadWeights_AreAUsageError_AndABadQuarter_PrintsTheServersReason()
    {
        await using var server = await CityServer.StartBostonAsync();
        string[] target = ["--server", server.Address, "--token", server.AdminToken];

        var twoWeights = await CliRun.ExecuteAsync(["policies", "rank", "--quarter", Quarter, "--weights", "0.5,0.5", .. target]);
        var badQuarter = await CliRun.ExecuteAsync(["policies", "rank", "--quarter", "2026-Q5", .. target]);

        Assert.Equal(ExitCodes.Usage, twoWeights.ExitCode);
        Assert.Contains("--weights: give three numbers", twoWeights.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, badQuarter.ExitCode);
        Assert.Contains("quarter: '2026-Q5' is not a quarter", badQuarter.Error, StringComparison.Ordinal);
    }

    // The lengths in pixels of the bars of this fill, top to bottom: runs of rows holding it, each as long as its longest row.
    private static List<int> Bars(PngImage image, ScottPlot.Color fill)
    {
        var bars = new List<int>();
        var inBar = false;
        for (var y = 0; y < image.Height; y++)
        {
            var count = 0;
            for (var x = 0; x < image.Width; x++)
            {
                var pixel = image.PixelAt(x, y);
                count += pixel.R == fill.R && pixel.G == fill.G && pixel.B == fill.B ? 1 : 0;
            }

            if (count > 0 && !inBar)
            {
                bars.Add(count);
            }
            else if (count > 0)
            {
                bars[^1] = Math.Max(bars[^1], count);
            }

            inBar = count > 0;
        }

        return bars;
    }
}
