using System.CommandLine;
using Governance.Cli.CommandLine;
using Governance.Risk.Synthetic;

namespace Governance.Cli.Model;

/// <summary>`governance export training-data`: a training file of synthetic rows, whose truth is documented in docs/risk-model.md.</summary>
public static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var synthetic = new Option<int>("--synthetic") { Description = "How many synthetic rows to write.", Required = true, HelpName = "ROWS" };
        synthetic.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 50_000_000)
            {
                result.AddError("--synthetic: give between 1 and 50,000,000 rows");
            }
        });
        var seed = new Option<int>("--seed") { Description = "Seeds the rows (default 42).", DefaultValueFactory = _ => 42 };
        var output = new Option<FileInfo>("--out") { Description = "The CSV file to write.", Required = true, HelpName = "FILE" };
        var trainingData = new Command("training-data", "Write a training file (CSV: household_id, the features, flooded).") { synthetic, seed, output };
        trainingData.SetAction(async (parse, cancellationToken) =>
        {
            var sample = SyntheticFloodData.Generate(parse.GetRequiredValue(synthetic), parse.GetValue(seed));
            var file = parse.GetRequiredValue(output);
            await TrainingData.WriteAsync(file.FullName, sample.Set, cancellationToken);
            await console.Out.WriteLineAsync($"{sample.Set.Count:N0} rows ({sample.Set.Flooded:N0} flooded) written to {file.FullName}");
            return ExitCodes.Success;
        });
        return new Command("export", "Export data from the platform for analysis.") { trainingData };
    }
}
