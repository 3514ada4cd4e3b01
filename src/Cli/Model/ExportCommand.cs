using System.CommandLine;
using Governance.Cli.CommandLine;
using Governance.Cli.Display;
using Governance.Contracts.V1;
using Governance.Risk.Features;
using Governance.Risk.Synthetic;
using Governance.Risk.Training;
using Grpc.Core;

namespace Governance.Cli.Model;

/// <summary>
/// `governance export training-data`: a training file of the storm visits whose outcomes were recorded on the server
/// (RiskService.ExportTrainingData), of synthetic rows, or of made-up storms over the city's real households (from the
/// server); the truth of both synthetic kinds is documented in docs/risk-model.md.
/// </summary>
public static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var synthetic = new Option<int>("--synthetic") { Description = "Instead of the server's recorded outcomes: this many synthetic rows.", HelpName = "ROWS" };
        synthetic.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 50_000_000)
            {
                result.AddError("--synthetic: give between 1 and 50,000,000 rows");
            }
        });
        var storms = new Option<int>("--synthetic-storms")
        {
            Description = "Instead of the recorded outcomes: this many made-up storms over the city's real households, from the server (for a city without outcomes yet).",
            HelpName = "STORMS",
        };
        storms.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 100)
            {
                result.AddError("--synthetic-storms: give between 1 and 100 storms");
            }
        });
        var area = new Option<string>("--area") { Description = "With --synthetic-storms: only this district, street, community or cell.", HelpName = "CODE" };
        var warning = new Option<string>("--warning") { Description = "Only this storm warning's visits (default: every warning's).", HelpName = "ID" };
        var server = ServerOption.Create();
        var seed = new Option<int>("--seed") { Description = "Seeds the rows (default 42).", DefaultValueFactory = _ => 42 };
        var output = new Option<FileInfo>("--out") { Description = "The CSV file to write.", Required = true, HelpName = "FILE" };
        var trainingData = new Command(
            "training-data",
            "Write a training file (CSV: household_id, the features, flooded) of the storm visits with a recorded outcome, of --synthetic rows, or of --synthetic-storms over the city's households (these two add true_probability).")
        {
            synthetic, storms, area, seed, warning, output, server,
        };
        trainingData.Validators.Add(result =>
        {
            var given = new Option[] { synthetic, storms, warning }.Where(o => result.GetResult(o) is not null).Select(o => o.Name).ToList();
            if (given.Count > 1)
            {
                result.AddError($"give one of {string.Join(", ", given)}");
            }
            else if (result.GetResult(area) is not null && result.GetResult(storms) is null)
            {
                result.AddError("--area chooses made-up storms: give it with --synthetic-storms");
            }
        });
        trainingData.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetRequiredValue(output);
            if (parse.GetValue(synthetic) > 0)
            {
                var sample = SyntheticFloodData.Generate(parse.GetValue(synthetic), parse.GetValue(seed));
                await TrainingData.WriteAsync(file.FullName, sample.Set, cancellationToken);
                await console.Out.WriteLineAsync($"{sample.Set.Count:N0} rows ({sample.Set.Flooded:N0} flooded) written to {file.FullName}");
                return ExitCodes.Success;
            }

            return await ServerCall.RunAsync(console, GatewayTarget.Of(parse, server), async channel =>
            {
                var made = parse.GetValue(storms) > 0;
                var request = made
                    ? new ExportTrainingDataRequest { SyntheticStorms = parse.GetValue(storms), Seed = parse.GetValue(seed), Area = parse.GetValue(area) ?? "" }
                    : new ExportTrainingDataRequest { WarningId = parse.GetValue(warning) ?? "" };
                var (ids, examples, truth) = (new List<string>(), new List<FloodExample>(), new List<double>());
                await StepProgress.RunAsync(console, async steps =>
                {
                    // Made-up storms come one after another, so their bar counts storms; recorded visits come in one go.
                    var receiving = made ? steps.Begin($"receiving {request.SyntheticStorms} made-up storms", request.SyntheticStorms) : steps.Begin("receiving the recorded outcomes");
                    using var export = new RiskService.RiskServiceClient(channel).ExportTrainingData(request, cancellationToken: cancellationToken);
                    var storms = new HashSet<string>(StringComparer.Ordinal);
                    await foreach (var row in export.ResponseStream.ReadAllAsync(cancellationToken))
                    {
                        ids.Add(row.HouseholdId);
                        examples.Add(new FloodExample { Features = [.. row.Features], Label = row.Flooded });
                        truth.Add(row.TrueProbability);
                        if (made && storms.Add(row.WarningId))
                        {
                            receiving.Report(storms.Count - 1);
                        }
                    }

                    receiving.Done();
                    return ids.Count;
                });

                var set = new TrainingSet(ids, examples, made ? truth : null);
                await TrainingData.WriteAsync(file.FullName, set, cancellationToken);
                await console.Out.WriteLineAsync(made
                    ? $"{set.Count:N0} households under {parse.GetValue(storms)} made-up storms ({set.Flooded:N0} flooded) written to {file.FullName}"
                    : $"{set.Count:N0} storm visits with an outcome ({set.Flooded:N0} flooded) written to {file.FullName}");
            });
        });
        return new Command("export", "Export data from the platform for analysis.") { trainingData };
    }
}
