using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Governance.Cli.CommandLine;
using Governance.Cli.Display;
using Governance.Risk.Evaluation;
using Governance.Risk.Reports;
using Governance.Risk.Scoring;
using Governance.Risk.Synthetic;
using Governance.Risk.Training;

namespace Governance.Cli.Model;

/// <summary>
/// `governance model train | evaluate`: analysts train the flood model on a training file (or synthetic data whose
/// truth is known) and judge a model file on new data; each writes a report folder with the metrics and plots.
/// </summary>
public static class ModelCommand
{
    public static Command Create(CliConsole console)
    {
        var model = new Command("model", "Train the flood-risk model and judge it (metrics tables, a report folder with plots); register, list, promote and roll back models on the server.")
        {
            Train(console),
            Evaluate(console),
        };
        foreach (var command in ModelRegistryCommands.Create(console))
        {
            model.Subcommands.Add(command);
        }

        return model;
    }

    private static Command Train(CliConsole console)
    {
        var data = DataOption();
        var synthetic = SyntheticOption();
        var trainer = new Option<TrainerKind>("--trainer") { Description = "FastTree (default) or LightGbm.", DefaultValueFactory = _ => TrainerKind.FastTree };
        var seed = new Option<int>("--seed") { Description = "Seeds the split, the trainer and synthetic data; the same data and seed give the same model.", DefaultValueFactory = _ => 42 };
        var trees = new Option<int>("--trees") { Description = "Boosting rounds (default 100).", DefaultValueFactory = _ => 100 };
        var leaves = new Option<int>("--leaves") { Description = "Leaves per tree (default 31).", DefaultValueFactory = _ => 31 };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the model file (default flood-model.zip).", DefaultValueFactory = _ => new FileInfo("flood-model.zip"), HelpName = "FILE" };
        var report = ReportOption("flood-model-report");
        trees.Validators.Add(result => Range(result, "--trees", 1, 10_000));
        leaves.Validators.Add(result => Range(result, "--leaves", 2, 1_024));
        var command = new Command("train", "Train a model on a training file (or --synthetic rows), hold out a fifth of the households, and report how it does on them.")
        {
            data, synthetic, trainer, seed, trees, leaves, output, report,
        };
        command.Validators.Add(result => ExactlyOneSource(result, data, synthetic));
        command.SetAction(async (parse, cancellationToken) =>
        {
            var started = Stopwatch.GetTimestamp();
            var options = new TrainingOptions(parse.GetValue(trainer), parse.GetValue(seed), Trees: parse.GetValue(trees), Leaves: parse.GetValue(leaves));
            var (set, model) = await StepProgress.RunAsync<(TrainingSet?, TrainedFloodModel?)>(console, async steps =>
            {
                var set = await LoadAsync(console, steps, "model train", parse.GetValue(data), parse.GetValue(synthetic), parse.GetValue(seed), cancellationToken);
                var messages = steps.FromMessages();
                return set is null ? (null, null) : (set, await Task.Run(() => FloodModelTrainer.Train(set, options, messages), cancellationToken));
            });
            if (set is null || model is null)
            {
                return ExitCodes.Failed;
            }

            var best = set.TrueProbabilities is not null ? TrainingData.BestSyntheticAuc(model.TestRows) : (double?)null;
            var file = parse.GetRequiredValue(output);
            await File.WriteAllBytesAsync(file.FullName, model.Scorer.Save(), cancellationToken);
            await ModelUploadFile.WriteAsync(file.FullName, ModelUploadFile.Of(model), cancellationToken);
            var folder = parse.GetRequiredValue(report);
            ModelReport.Write(folder.FullName, file.Name, model, model.Metrics, model.Scorer.Importance(), best);
            ModelTables.Write(console.RichOut(), $"{options.Trainer} on {model.TrainingRows:N0} rows, held-out households", model.Metrics, model.Scorer.Importance(), best);
            await console.Out.WriteLineAsync($"{Elapsed(started)} model written to {file.FullName} (with {Path.GetFileName(ModelUploadFile.PathFor(file.FullName))}); report in {folder.FullName}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Evaluate(CliConsole console)
    {
        var model = new Option<FileInfo>("--model") { Description = "The model file to judge.", Required = true, HelpName = "FILE" };
        model.AcceptExistingOnly();
        var data = DataOption();
        var synthetic = SyntheticOption();
        var seed = new Option<int>("--seed") { Description = "Seeds synthetic data (default 43, unlike training's 42).", DefaultValueFactory = _ => 43 };
        var threshold = new Option<double?>("--threshold") { Description = "Flag from this probability; default: the one with the best F1 on these rows.", HelpName = "P" };
        threshold.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } p && (p <= 0 || p >= 1))
            {
                result.AddError($"--threshold: {p.ToString(CultureInfo.InvariantCulture)} must lie between 0 and 1");
            }
        });
        var report = ReportOption("flood-model-evaluation");
        var command = new Command("evaluate", "Score a training file (or --synthetic rows) with a model file and report how it does.")
        {
            model, data, synthetic, seed, threshold, report,
        };
        command.Validators.Add(result => ExactlyOneSource(result, data, synthetic));
        command.SetAction(async (parse, cancellationToken) =>
        {
            var started = Stopwatch.GetTimestamp();
            var file = parse.GetRequiredValue(model);
            FloodScorer scorer;
            try
            {
                scorer = FloodScorer.Load(await File.ReadAllBytesAsync(file.FullName, cancellationToken));
            }
            catch (FloodModelMismatchException ex)
            {
                await console.Error.WriteLineAsync($"governance model evaluate: {file.Name}: {ex.Message}");
                return ExitCodes.Failed;
            }

            var (set, probabilities) = await StepProgress.RunAsync<(TrainingSet?, IReadOnlyList<double>?)>(console, async steps =>
            {
                var set = await LoadAsync(console, steps, "model evaluate", parse.GetValue(data), parse.GetValue(synthetic), parse.GetValue(seed), cancellationToken);
                if (set is null)
                {
                    return (null, null);
                }

                var scoring = steps.Begin($"scoring {set.Count:N0} rows");
                var probabilities = await Task.Run(() => scorer.Score(set.Examples.Select(e => e.Features).ToList()), cancellationToken);
                scoring.Done();
                return (set, probabilities);
            });
            if (set is null || probabilities is null)
            {
                return ExitCodes.Failed;
            }

            var metrics = MetricsCalculator.Compute(probabilities, set.Examples.Select(e => e.Label).ToList(), parse.GetValue(threshold));
            var best = set.TrueProbabilities is not null ? TrainingData.BestSyntheticAuc(set.Examples) : (double?)null;
            var folder = parse.GetRequiredValue(report);
            ModelReport.Write(folder.FullName, file.Name, null, metrics, scorer.Importance(), best);
            ModelTables.Write(console.RichOut(), $"{file.Name} on {set.Count:N0} rows", metrics, scorer.Importance(), best);
            await console.Out.WriteLineAsync($"{Elapsed(started)} report in {folder.FullName}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The training set from the file (a bar by the bytes read) or made up; null after printing why the file is refused.</summary>
    private static async Task<TrainingSet?> LoadAsync(CliConsole console, StepProgress steps, string verb, FileInfo? file, int synthetic, int seed, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            var making = steps.Begin($"making {synthetic:N0} synthetic rows");
            var made = await Task.Run(() => SyntheticFloodData.Generate(synthetic, seed).Set, cancellationToken);
            making.Done();
            return made;
        }

        var reading = steps.Begin($"reading {file.Name} ({file.Length / 1e6:0.0} MB)", file.Length);
        var read = await TrainingData.ReadAsync(file.FullName, reading, cancellationToken);
        reading.Done();
        if (read.Set is null)
        {
            await console.Error.WriteLineAsync($"governance {verb}: {file.Name} is refused, nothing was trained or scored: {read.Refusal}");
        }

        return read.Set;
    }

    private static Option<FileInfo> DataOption()
    {
        var data = new Option<FileInfo>("--data") { Description = "A training file (CSV: household_id, the features, flooded); see docs/risk-model.md.", HelpName = "FILE" };
        data.AcceptExistingOnly();
        return data;
    }

    private static Option<int> SyntheticOption()
    {
        var synthetic = new Option<int>("--synthetic") { Description = "Instead of --data: this many synthetic rows, whose best possible AUC is printed beside the model's.", HelpName = "ROWS" };
        synthetic.Validators.Add(result => Range(result, "--synthetic", 1_000, 50_000_000));
        return synthetic;
    }

    private static Option<DirectoryInfo> ReportOption(string folder) => new("--report")
    {
        Description = $"The folder for report.md, metrics.json and the plots (default {folder}).",
        DefaultValueFactory = _ => new DirectoryInfo(folder),
        HelpName = "DIR",
    };

    private static void ExactlyOneSource(System.CommandLine.Parsing.CommandResult result, Option<FileInfo> data, Option<int> synthetic)
    {
        var fromFile = result.GetResult(data) is not null;
        var made = result.GetResult(synthetic) is not null;
        if (fromFile == made)
        {
            result.AddError("give --data FILE or --synthetic ROWS, not both and not neither");
        }
    }

    private static void Range(System.CommandLine.Parsing.OptionResult result, string name, int low, int high)
    {
        var value = result.GetValueOrDefault<int>();
        if (value < low || value > high)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name}: {value} must lie between {low:N0} and {high:N0}"));
        }
    }

    private static string Elapsed(long started) => string.Create(CultureInfo.InvariantCulture, $"[{Stopwatch.GetElapsedTime(started).TotalSeconds,6:0.0} s]");
}
