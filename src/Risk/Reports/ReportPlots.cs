using Governance.Risk.Evaluation;
using Governance.Risk.Features;
using ScottPlot;

namespace Governance.Risk.Reports;

/// <summary>The report's PNG plots, drawn with ScottPlot: 800 × 600, a title, labelled axes.</summary>
public static class ReportPlots
{
    private const int Width = 800;
    private const int Height = 600;

    public static void Roc(string path, ModelMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var plot = new Plot();
        var curve = plot.Add.Scatter(metrics.Roc.Select(p => p.X).ToArray(), metrics.Roc.Select(p => p.Y).ToArray());
        curve.MarkerSize = 0;
        curve.LineWidth = 2;
        curve.LegendText = FormattableString.Invariant($"model (AUC {metrics.Auc:0.000})");
        var chance = plot.Add.Line(0, 0, 1, 1);
        chance.LinePattern = LinePattern.Dashed;
        chance.LegendText = "chance";
        Finish(plot, path, "ROC curve", "false positive rate", "true positive rate");
    }

    public static void PrecisionRecall(string path, ModelMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var plot = new Plot();
        var curve = plot.Add.Scatter(metrics.PrecisionRecall.Select(p => p.X).ToArray(), metrics.PrecisionRecall.Select(p => p.Y).ToArray());
        curve.MarkerSize = 0;
        curve.LineWidth = 2;
        curve.LegendText = FormattableString.Invariant($"model (average precision {metrics.PrAuc:0.000})");
        var baseRate = (double)metrics.Positives / metrics.Rows;
        var flat = plot.Add.Line(0, baseRate, 1, baseRate);
        flat.LinePattern = LinePattern.Dashed;
        flat.LegendText = FormattableString.Invariant($"flooded share {baseRate:0.000}");
        Finish(plot, path, "Precision–recall curve", "recall", "precision");
    }

    public static void Calibration(string path, ModelMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var plot = new Plot();
        var bins = metrics.Calibration.Where(b => b.Rows > 0).ToList();
        var curve = plot.Add.Scatter(bins.Select(b => b.MeanProbability).ToArray(), bins.Select(b => b.FloodedShare).ToArray());
        curve.MarkerSize = 8;
        curve.LineWidth = 2;
        curve.LegendText = FormattableString.Invariant($"model (calibration error {metrics.CalibrationError:0.000})");
        var ideal = plot.Add.Line(0, 0, 1, 1);
        ideal.LinePattern = LinePattern.Dashed;
        ideal.LegendText = "perfectly calibrated";
        Finish(plot, path, "Calibration", "mean predicted probability", "flooded share");
    }

    public static void Importance(string path, IReadOnlyList<double> importance)
    {
        ArgumentNullException.ThrowIfNull(importance);
        var order = Enumerable.Range(0, importance.Count).OrderBy(i => importance[i]).ToArray();
        var plot = new Plot();
        var bars = plot.Add.Bars(order.Select(i => importance[i]).ToArray());
        bars.Horizontal = true;
        plot.Axes.Left.SetTicks(Enumerable.Range(0, order.Length).Select(i => (double)i).ToArray(), order.Select(i => FloodFeatures.All[i].Column).ToArray());
        plot.Axes.Margins(left: 0);
        Finish(plot, path, "Feature importance (gain, largest = 1)", "importance", "", legend: false);
    }

    private static void Finish(Plot plot, string path, string title, string x, string y, bool legend = true)
    {
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        if (legend)
        {
            plot.Axes.SetLimits(0, 1, 0, 1.02);
            plot.ShowLegend(Alignment.LowerRight);
        }

        plot.SavePng(path, Width, Height);
    }
}
