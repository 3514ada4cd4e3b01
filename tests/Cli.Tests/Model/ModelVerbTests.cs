using Governance.Cli.CommandLine;
using Governance.Cli.Tests.Infrastructure;
using Governance.Contracts.V1;
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
        // A synthetic file says so (its true_probability column), so the best AUC possible is shown beside the model's.
        Assert.EndsWith(",flooded,true_probability", File.ReadLines(data).First(), StringComparison.Ordinal);
        Assert.Matches(@"│ best AUC possible \(synthetic truth\)\s+│\s+0\.9\d{3} │", trained.Out);
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

    [Fact]
    public async Task ATrainedModel_IsRegistered_Listed_Promoted_AndRolledBack_ByAnAnalyst()
    {
        await using var server = await CityServer.StartBostonAsync();
        using var folder = new TempFolder("cli-model-registry");
        var first = folder.Combine("first.zip");
        var second = folder.Combine("second.zip");
        await CliRun.ExecuteAsync("model", "train", "--synthetic", "5000", "--trees", "10", "--out", first, "--report", folder.Combine("r1"));
        await CliRun.ExecuteAsync("model", "train", "--synthetic", "5000", "--seed", "7", "--trees", "10", "--out", second, "--report", folder.Combine("r2"));
        string[] analyst = ["--server", server.Address, "--token", server.TokenFor("analyst-3", "analyst")];

        var registered = await CliRun.ExecuteAsync(["model", "register", first, "--note", "baseline", .. analyst]);
        await CliRun.ExecuteAsync(["model", "register", second, .. analyst]);
        var promoted = await CliRun.ExecuteAsync(["model", "promote", "1", .. analyst]);
        await CliRun.ExecuteAsync(["model", "promote", "2", .. analyst]);
        var rolledBack = await CliRun.ExecuteAsync(["model", "rollback", .. analyst]);
        var listed = await CliRun.ExecuteAsync(["model", "list", .. analyst]);
        File.Delete(Path.ChangeExtension(first, ".json"));
        var withoutUpload = await CliRun.ExecuteAsync(["model", "register", first, .. analyst]);
        var dispatcher = await CliRun.ExecuteAsync("model", "list", "--server", server.Address, "--token", server.TokenFor("dispatcher-1", "dispatcher"));

        Assert.Equal((ExitCodes.Success, ""), (registered.ExitCode, registered.Error));
        Assert.Contains("registered first.zip as version 1 (not promoted", registered.Out, StringComparison.Ordinal);
        Assert.Contains("version 1 is promoted: every silo scores with it", promoted.Out, StringComparison.Ordinal);
        Assert.Contains("rolled back: version 1 is promoted again", rolledBack.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, listed.ExitCode);
        Assert.Matches(@"│ 1\s+│ ●\s+│ [\d-]+ [\d:]+ │ analyst-3 │ FastTree │", listed.Out);
        Assert.Matches(@"│ 2\s+│\s+│", listed.Out);
        Assert.Contains("baseline", listed.Out, StringComparison.Ordinal);
        Assert.Contains("Every silo scores with version 1.", listed.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, withoutUpload.ExitCode);
        Assert.Contains("there is no first.json beside first.zip", withoutUpload.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, dispatcher.ExitCode);
        Assert.Contains("PermissionDenied: dispatcher-1 (dispatcher) may not call RiskService.ListModels", dispatcher.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnATerminal_TheStepsAreBars_OnStderr_AndTheTablesStayOnStdout()
    {
        using var folder = new TempFolder("cli-bars");
        var data = folder.Combine("training.csv");
        await CliRun.ExecuteAsync("export", "training-data", "--synthetic", "6000", "--out", data);

        var trained = await CliRun.ExecuteOnTerminalAsync("model", "train", "--data", data, "--trees", "10", "--out", folder.Combine("flood.zip"), "--report", folder.Combine("report"));

        Assert.Equal(ExitCodes.Success, trained.ExitCode);
        foreach (var step in new[] { "reading training.csv", "training FastTree on ", "evaluating on " })
        {
            Assert.Contains(step, trained.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(step, trained.Out, StringComparison.Ordinal);
        }

        // Redrawn in place (cursor movements), not written line after line.
        Assert.Contains("\u001b[", trained.Error, StringComparison.Ordinal);
        Assert.Matches(@"│ AUC\s+│\s+0\.\d{4} │", trained.Out);
    }

    [Fact]
    public async Task TrainingData_IsExportedFromTheServer_AsATrainingFile()
    {
        await using var server = await CityServer.StartBostonAsync();
        using var folder = new TempFolder("cli-export");
        var file = folder.Combine("outcomes.csv");

        var exported = await CliRun.ExecuteAsync("export", "training-data", "--out", file, "--server", server.Address, "--token", server.TokenFor("analyst-1", "analyst"));
        var refused = await CliRun.ExecuteAsync("export", "training-data", "--out", folder.Combine("no.csv"), "--server", server.Address, "--token", server.TokenFor("app-1", "reporter"));

        Assert.Equal((ExitCodes.Success, ""), (exported.ExitCode, exported.Error));
        Assert.Contains("0 storm visits with an outcome (0 flooded) written to", exported.Out, StringComparison.Ordinal);
        Assert.Equal([string.Join(',', Governance.Risk.Training.TrainingFileReader.Columns)], File.ReadAllLines(file));
        Assert.Equal(ExitCodes.Failed, refused.ExitCode);
        Assert.Contains("may not call RiskService.ExportTrainingData", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MadeUpStormsOverTheCitysHouseholds_TrainAModel_ShownBesideTheBestPossible()
    {
        await using var server = await CityServer.StartDemoCityAsync();
        using var folder = new TempFolder("cli-storms");
        var data = folder.Combine("storms.csv");
        var token = server.TokenFor("analyst-1", "analyst");
        var district = (await new GridService.GridServiceClient(server.Channel).ListAreasAsync(new ListAreasRequest())).Areas.First(a => a.Level == AreaLevel.District).Code;
        var exported = await CliRun.ExecuteAsync("export", "training-data", "--synthetic-storms", "3", "--area", district, "--seed", "3", "--out", data, "--server", server.Address, "--token", token);
        var trained = await CliRun.ExecuteAsync("model", "train", "--data", data, "--trees", "40", "--out", folder.Combine("flood.zip"), "--report", folder.Combine("report"));
        var mixed = await CliRun.ExecuteAsync("export", "training-data", "--synthetic-storms", "2", "--warning", "w-1", "--out", folder.Combine("no.csv"), "--server", server.Address, "--token", token);
        var stray = await CliRun.ExecuteAsync("export", "training-data", "--area", "D01", "--out", folder.Combine("no.csv"), "--server", server.Address, "--token", token);

        Assert.Equal((ExitCodes.Success, ""), (exported.ExitCode, exported.Error));
        Assert.Matches(@"(?m)^[\d,]+ households under 3 made-up storms \([\d,]+ flooded\) written to ", exported.Out);
        var rows = File.ReadAllLines(data).Skip(1).Select(line => line.Split(',')[0]).ToList();
        Assert.InRange(rows.Count, 1_000, 90_000);
        Assert.Equal(rows.Count, 3 * rows.Distinct().Count());
        Assert.Equal((ExitCodes.Success, ""), (trained.ExitCode, trained.Error));
        Assert.Matches(@"│ best AUC possible \(synthetic truth\)\s+│\s+0\.\d{4} │", trained.Out);
        Assert.Equal(ExitCodes.Usage, mixed.ExitCode);
        Assert.Contains("give one of --synthetic-storms, --warning", mixed.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, stray.ExitCode);
        Assert.Contains("--area chooses made-up storms: give it with --synthetic-storms", stray.Error, StringComparison.Ordinal);
    }
}
