using System.Globalization;
using Governance.Risk.Evaluation;
using Governance.Risk.Features;
using Spectre.Console;

namespace Governance.Cli.Model;

/// <summary>A model's metrics as the terminal shows them: the headline figures, then precision at k and the confusion matrix.</summary>
public static class ModelTables
{
    public static void Write(IAnsiConsole console, string title, ModelMetrics metrics, IReadOnlyList<double> importance, double? bestAuc)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(importance);
        var figures = new Table().Border(TableBorder.Rounded).Title(title).AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
        Row(figures, "rows evaluated (flooded)", $"{metrics.Rows:N0} ({metrics.Positives:N0})");
        Row(figures, "AUC", $"{metrics.Auc:0.0000}");
        if (bestAuc is { } best)
        {
            Row(figures, "best AUC possible (synthetic truth)", $"{best:0.0000}");
        }

        Row(figures, "PR-AUC (average precision)", $"{metrics.PrAuc:0.0000}");
        Row(figures, "Brier score", $"{metrics.Brier:0.0000}");
        Row(figures, "calibration error", $"{metrics.CalibrationError:0.0000}");
        Row(figures, "threshold", $"{metrics.Threshold:0.0000}");
        Row(figures, "precision / recall / F1", $"{metrics.Confusion.Precision:0.000} / {metrics.Confusion.Recall:0.000} / {metrics.Confusion.F1:0.000}");
        foreach (var at in metrics.PrecisionAtK)
        {
            Row(figures, $"precision in the top {at.K:N0}", $"{at.Precision:0.000}");
        }

        console.Write(figures);

        var confusion = new Table().Border(TableBorder.Rounded).Title("at the threshold")
            .AddColumn("").AddColumn(new TableColumn("flooded").RightAligned()).AddColumn(new TableColumn("dry").RightAligned());
        confusion.AddRow("flagged", Count(metrics.Confusion.TruePositives), Count(metrics.Confusion.FalsePositives));
        confusion.AddRow("not flagged", Count(metrics.Confusion.FalseNegatives), Count(metrics.Confusion.TrueNegatives));
        console.Write(confusion);

        var chart = new BarChart().Label("feature importance (gain, largest = 1)").Width(60);
        foreach (var (feature, weight) in FloodFeatures.All.Zip(importance).OrderByDescending(p => p.Second))
        {
            chart.AddItem(feature.Column, Math.Round(weight, 3));
        }

        console.Write(chart);
    }

    private static void Row(Table table, string name, FormattableString value) =>
        table.AddRow(Markup.Escape(name), Markup.Escape(value.ToString(CultureInfo.InvariantCulture)));

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
