using System.CommandLine;
using Governance.Cli.CommandLine;
using Governance.Contracts.V1;
using Governance.Risk.Features;
using Governance.Risk.Synthetic;
using Governance.Risk.Training;
using Grpc.Core;

namespace Governance.Cli.Model;

/// <summary>
/// `governance export training-data`: a training file of the storm visits whose outcomes were recorded on the server
/// (RiskService.ExportTrainingData), or of synthetic rows, whose truth is documented in docs/risk-model.md.
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
        var warning = new Option<string>("--warning") { Description = "Only this storm warning's visits (default: every warning's).", HelpName = "ID" };
        var server = ServerOption.Create();
        var seed = new Option<int>("--seed") { Description = "Seeds the rows (default 42).", DefaultValueFactory = _ => 42 };
        var output = new Option<FileInfo>("--out") { Description = "The CSV file to write.", Required = true, HelpName = "FILE" };
        var trainingData = new Command("training-data", "Write a training file (CSV: household_id, the features, flooded) of the storm visits with a recorded outcome, or of --synthetic rows.")
        {
            synthetic, seed, warning, output, server,
        };
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
                var ids = new List<string>();
                var examples = new List<FloodExample>();
                using var export = new RiskService.RiskServiceClient(channel).ExportTrainingData(new ExportTrainingDataRequest { WarningId = parse.GetValue(warning) ?? "" }, cancellationToken: cancellationToken);
                await foreach (var row in export.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    ids.Add(row.HouseholdId);
                    examples.Add(new FloodExample { Features = [.. row.Features], Label = row.Flooded });
                }

                var set = new TrainingSet(ids, examples);
                await TrainingData.WriteAsync(file.FullName, set, cancellationToken);
                await console.Out.WriteLineAsync($"{set.Count:N0} storm visits with an outcome ({set.Flooded:N0} flooded) written to {file.FullName}");
            });
        });
        return new Command("export", "Export data from the platform for analysis.") { trainingData };
    }
}
