using System.Globalization;
using System.Text;
using System.Text.Json;
using Governance.Risk.Evaluation;
using Governance.Risk.Features;
using Governance.Risk.Training;

namespace Governance.Risk.Reports;

/// <summary>
/// The evaluation of a model as a folder an analyst can look at: report.md (the metrics as tables, the plots inline),
/// metrics.json (the same for machines) and four PNG plots: ROC, precision–recall, calibration, feature importance.
/// </summary>
public static class ModelReport
{
    public static readonly IReadOnlyList<string> Plots = ["roc.png", "precision-recall.png", "calibration.png", "feature-importance.png"];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <param name="folder">Created if missing; files of an earlier report there are replaced.</param>
    /// <param name="title">What the report is of, e.g. "model 7" or the model file's name.</param>
    /// <param name="model">How it was trained; null for a model evaluated on new data.</param>
    /// <param name="metrics">Its metrics on the rows evaluated.</param>
    /// <param name="importance">Each feature's importance, in feature order.</param>
    /// <param name="bestAuc">The best AUC any model could reach on these rows, when the truth is known (synthetic data).</param>
    public static void Write(string folder, string title, TrainedFloodModel? model, ModelMetrics metrics, IReadOnlyList<double> importance, double? bestAuc = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(importance);
        Directory.CreateDirectory(folder);
        ReportPlots.Roc(Path.Combine(folder, Plots[0]), metrics);
        ReportPlots.PrecisionRecall(Path.Combine(folder, Plots[1]), metrics);
        ReportPlots.Calibration(Path.Combine(folder, Plots[2]), metrics);
        ReportPlots.Importance(Path.Combine(folder, Plots[3]), importance);
        File.WriteAllText(Path.Combine(folder, "metrics.json"), JsonSerializer.Serialize(new
        {
            title,
            trainer = model?.Options.Trainer.ToString(),
            model?.Options.Seed,
            model?.Options.Trees,
            model?.Options.Leaves,
            training_rows = model?.TrainingRows,
            data_fingerprint = model?.DataFingerprint,
            best_auc = bestAuc,
            metrics,
            importance = FloodFeatures.All.Select((f, i) => new { feature = f.Column, importance = importance[i] }),
        }, Json));
        File.WriteAllText(Path.Combine(folder, "report.md"), Markdown(title, model, metrics, importance, bestAuc));
    }

    public static string Markdown(string title, TrainedFloodModel? model, ModelMetrics metrics, IReadOnlyList<double> importance, double? bestAuc)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(importance);
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        Line($"# Flood model: {title}");
        Line($"");
        if (model is not null)
        {
            Line($"{model.Options.Trainer}, {model.Options.Trees} trees of {model.Options.Leaves} leaves, learning rate {model.Options.LearningRate}, seed {model.Options.Seed}; trained on {model.TrainingRows:N0} rows, data fingerprint `{model.DataFingerprint[..16]}…`.");
            Line($"");
        }

        Line($"Evaluated on {metrics.Rows:N0} rows, {metrics.Positives:N0} of them flooded ({100.0 * metrics.Positives / metrics.Rows:0.0} %).");
        Line($"");
        Line($"| metric | value |");
        Line($"| --- | ---: |");
        Line($"| AUC (ROC) | {metrics.Auc:0.0000} |");
        if (bestAuc is { } best)
        {
            Line($"| best AUC possible on these rows (the synthetic data's true probabilities) | {best:0.0000} |");
        }

        Line($"| PR-AUC (average precision) | {metrics.PrAuc:0.0000} |");
        Line($"| Brier score | {metrics.Brier:0.0000} |");
        Line($"| expected calibration error | {metrics.CalibrationError:0.0000} |");
        Line($"| threshold (best F1 unless given) | {metrics.Threshold:0.0000} |");
        Line($"| precision / recall / F1 at the threshold | {metrics.Confusion.Precision:0.000} / {metrics.Confusion.Recall:0.000} / {metrics.Confusion.F1:0.000} |");
        Line($"");
        Line($"Confusion matrix at the threshold:");
        Line($"");
        Line($"| | flooded | dry |");
        Line($"| --- | ---: | ---: |");
        Line($"| flagged | {metrics.Confusion.TruePositives:N0} | {metrics.Confusion.FalsePositives:N0} |");
        Line($"| not flagged | {metrics.Confusion.FalseNegatives:N0} | {metrics.Confusion.TrueNegatives:N0} |");
        Line($"");
        Line($"| top k households | flooded share |");
        Line($"| ---: | ---: |");
        foreach (var at in metrics.PrecisionAtK)
        {
            Line($"| {at.K:N0} | {at.Precision:0.000} |");
        }

        Line($"");
        Line($"| predicted probability | rows | mean predicted | flooded share |");
        Line($"| --- | ---: | ---: | ---: |");
        foreach (var bin in metrics.Calibration)
        {
            Line($"| {bin.From:0.0}–{bin.To:0.0} | {bin.Rows:N0} | {bin.MeanProbability:0.000} | {bin.FloodedShare:0.000} |");
        }

        Line($"");
        Line($"| feature | importance (gain, largest = 1) |");
        Line($"| --- | ---: |");
        foreach (var (feature, weight) in FloodFeatures.All.Zip(importance).OrderByDescending(p => p.Second))
        {
            Line($"| {feature.Column} | {weight:0.000} |");
        }

        Line($"");
        foreach (var plot in Plots)
        {
            Line($"![{Path.GetFileNameWithoutExtension(plot)}]({plot})");
        }

        return text.ToString();
    }
}
