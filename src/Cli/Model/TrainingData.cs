using System.Globalization;
using Governance.Cli.Csv;
using Governance.Risk.Features;
using Governance.Risk.Synthetic;
using Governance.Risk.Training;

namespace Governance.Cli.Model;

/// <summary>Training files: read (streamed, checked row by row before any training) and written.</summary>
public static class TrainingData
{
    /// <summary>The file's training set, or why it is refused; <paramref name="bytesRead"/> hears how far the reading is.</summary>
    public static async Task<TrainingFileResult> ReadAsync(string path, IProgress<double>? bytesRead, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(path);
        var csv = new CsvReader(text);
        if (await csv.ReadAsync(cancellationToken) is not { } header)
        {
            return TrainingFileResult.Refused("the file is empty");
        }

        var reader = new TrainingFileReader(header.Fields);
        if (reader.HeaderRefusal.Length > 0)
        {
            return reader.Finish();
        }

        while (await csv.ReadAsync(cancellationToken) is { } record)
        {
            reader.Add(record.LineNumber, record.Fields);
            if (reader.RowsRead % 10_000 == 0)
            {
                bytesRead?.Report(text.BaseStream.Position);
            }
        }

        return reader.Finish();
    }

    /// <summary>Writes <paramref name="set"/> as a training file.</summary>
    public static async Task WriteAsync(string path, TrainingSet set, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        await using var text = new StreamWriter(path);
        var csv = new CsvWriter(text);
        var truth = set.TrueProbabilities;
        await csv.WriteRecordAsync(truth is null ? TrainingFileReader.Columns : [.. TrainingFileReader.Columns, TrainingFileReader.TruthColumn], cancellationToken);
        for (var i = 0; i < set.Count; i++)
        {
            var features = set.Examples[i].Features;
            await csv.WriteRecordAsync(
            [
                set.HouseholdIds[i],
                .. features.Select((value, f) => f == FloodFeatures.Construction
                    ? FloodFeatures.Constructions[(int)value]
                    : value.ToString("R", CultureInfo.InvariantCulture)),
                set.Examples[i].Label ? "true" : "false",
                .. truth is null ? [] : new[] { truth[i].ToString("R", CultureInfo.InvariantCulture) },
            ], cancellationToken);
        }
    }

    /// <summary>
    /// The best AUC any model can reach on these rows, which must be synthetic (their set has true probabilities, from
    /// the one documented formula): the formula's own ranking.
    /// </summary>
    public static double BestSyntheticAuc(IReadOnlyList<FloodExample> rows) =>
        Risk.Evaluation.MetricsCalculator.Compute(rows.Select(r => SyntheticFloodData.TrueProbability(r.Features)).ToList(), rows.Select(r => r.Label).ToList()).Auc;
}
