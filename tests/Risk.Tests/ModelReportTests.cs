using Governance.Risk.Reports;
using Governance.Risk.Synthetic;
using Governance.Risk.Training;
using Governance.TestSupport;
using SkiaSharp;

namespace Governance.Risk.Tests;

/// <summary>A model's report folder: the tables in Markdown and JSON, and four plots that are real pictures.</summary>
public sealed class ModelReportTests
{
    [Fact]
    public void TheReport_HoldsTheMetricsAndFourDrawnPlots()
    {
        var sample = SyntheticFloodData.Generate(8_000, seed: 11);
        var model = FloodModelTrainer.Train(sample.Set, new TrainingOptions(Trees: 30));
        using var folder = new TempFolder("risk-report");

        ModelReport.Write(folder.Path, "test model", model, model.Metrics, model.Scorer.Importance(), bestAuc: 0.9123);

        var markdown = File.ReadAllText(folder.Combine("report.md"));
        Assert.Contains(FormattableString.Invariant($"| AUC (ROC) | {model.Metrics.Auc:0.0000} |"), markdown, StringComparison.Ordinal);
        Assert.Contains("| best AUC possible on these rows (the synthetic data's true probabilities) | 0.9123 |", markdown, StringComparison.Ordinal);
        Assert.Contains("![roc](roc.png)", markdown, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(folder.Combine("metrics.json")));
        Assert.Equal(model.Metrics.Auc, json.RootElement.GetProperty("metrics").GetProperty("auc").GetDouble(), 10);
        Assert.Equal(model.DataFingerprint, json.RootElement.GetProperty("data_fingerprint").GetString());
        foreach (var plot in ModelReport.Plots)
        {
            using var bitmap = SKBitmap.Decode(folder.Combine(plot));
            Assert.NotNull(bitmap);
            Assert.Equal((800, 600), (bitmap.Width, bitmap.Height));
            // A drawn plot has axes, text and curves in several colours, not a blank canvas.
            var colours = new HashSet<uint>();
            for (var y = 0; y < bitmap.Height; y += 3)
            {
                for (var x = 0; x < bitmap.Width; x += 3)
                {
                    colours.Add((uint)bitmap.GetPixel(x, y));
                }
            }

            Assert.True(colours.Count > 20, $"{plot} has {colours.Count} colours");
        }
    }
}
