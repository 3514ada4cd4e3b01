using Governance.Cli.CommandLine;
using Governance.Cli.Tests.Infrastructure;
using Governance.TestSupport;

namespace Governance.Cli.Tests.Model;

/// <summary>`governance export training-data`, `model train` and `model evaluate` on files, as an analyst runs them.</summary>
public sealed class ModelVerbTests
{
    [Fact]
    public async Task AnExportedFile_TrainsAModel_ThatEvaluatesOnNewRows_WithReportsWritten()
    {
        using var folder = new TempFolder("cli-model");
        var data = folder.Combine("training.csv");
        var model = folder.Combine("flood.zip");

        var exported = await CliRun.ExecuteAsync("export", "training-data", "--synthetic", "12000", "--seed", "5", "--out", data);
        var trained = await CliRun.ExecuteAsync("model", "train", "--data", data, "--trees", "40", "--out", model, "--report", folder.Combine("train-report"));
        var evaluated = await CliRun.ExecuteAsync("model", "evaluate", "--model", model, "--synthetic", "5000", "--threshold", "0.3", "--report", folder.Combine("eval-report"));

        Assert.Equal((ExitCodes.Success, ""), (exported.ExitCode, exported.Error));
        Assert.Matches(@"^12,000 rows \([\d,]+ flooded\) written to ", exported.Out);
        Assert.Equal(12_001, File.ReadLines(data).Count());
        Assert.Equal((ExitCodes.Success, ""), (trained.ExitCode, trained.Error));
        Assert.Contains("training FastTree on ", trained.Out, StringComparison.Ordinal);
        Assert.Matches(@"│ AUC\s+│\s+0\.9\d{3} │", trained.Out);
        Assert.DoesNotContain("best AUC possible", trained.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(model));
        Assert.True(File.Exists(folder.Combine("train-report", "report.md")));
        Assert.Equal((ExitCodes.Success, ""), (evaluated.ExitCode, evaluated.Error));
        Assert.Matches(@"│ best AUC possible \(synthetic truth\)\s+│\s+0\.9\d{3} │", evaluated.Out);
        Assert.Matches(@"│ threshold\s+│\s+0\.3000 │", evaluated.Out);
        Assert.All(new[] { "roc.png", "precision-recall.png", "calibration.png", "feature-importance.png", "metrics.json" },
            file => Assert.True(File.Exists(folder.Combine("eval-report", file)), file));
    }

    [Fact]
    public async Task ABadFile_IsRefusedBeforeTraining_AndAForeignModelIsNeverUsed()
    {
        using var folder = new TempFolder("cli-model-bad");
        var bad = folder.Combine("bad.csv");
        await File.WriteAllTextAsync(bad, "household_id,storey,flooded\nh1,1,true\n");
        var notAModel = folder.Combine("model.zip");
        await File.WriteAllTextAsync(notAModel, "not a model");

        var refused = await CliRun.ExecuteAsync("model", "train", "--data", bad, "--out", folder.Combine("never.zip"), "--report", folder.Combine("never"));
        var foreign = await CliRun.ExecuteAsync("model", "evaluate", "--model", notAModel, "--synthetic", "2000");
        var both = await CliRun.ExecuteAsync("model", "train", "--data", bad, "--synthetic", "2000");

        Assert.Equal(ExitCodes.Failed, refused.ExitCode);
        Assert.Contains("bad.csv is refused, nothing was trained or scored: the file lacks the columns elevation_above_cell_lowest_m", refused.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.Combine("never.zip")));
        Assert.False(Directory.Exists(folder.Combine("never")));
        Assert.Equal(ExitCodes.Failed, foreign.ExitCode);
        Assert.Contains("model.zip: The file is not a flood model of this platform: it is not an ML.NET model file", foreign.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, both.ExitCode);
        Assert.Contains("give --data FILE or --synthetic ROWS, not both and not neither", both.Error, StringComparison.Ordinal);
    }
}
