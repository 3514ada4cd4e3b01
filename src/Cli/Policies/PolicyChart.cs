using Governance.Contracts.V1;
using ScottPlot;

namespace Governance.Cli.Policies;

/// <summary>
/// Policy scores as a horizontal bar chart (PNG, ScottPlot): one bar per policy or quarter, drawn from zero, blue for a
/// score above it and red below, best at the top.
/// </summary>
public static class PolicyChart
{
    public const int Width = 900;
    public const int RowHeight = 48;

    /// <summary>The fill of a bar at or above zero, and of one below it; bars have no outline, so their pixels are exactly these.</summary>
    public static readonly Color Above = Color.FromHex("#2B7BB9");
    public static readonly Color Below = Color.FromHex("#C0392B");

    /// <summary>A quarter's ranking, rank 1 at the top.</summary>
    public static void Ranking(string path, RankPoliciesResponse ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        var weights = ranking.Weights;
        Save(path, [.. ranking.Scores.Select(s => ($"{s.Rank}. {s.Name}", s.Score))],
            $"Policy scores, {ranking.Quarter}",
            FormattableString.Invariant($"score (satisfaction × {weights.Satisfaction:0.##} + fund use × {weights.FundUse:0.##} + complaint load × {weights.Complaints:0.##})"));
    }

    /// <summary>One policy's quarters, the oldest at the top.</summary>
    public static void History(string path, GetPolicyHistoryResponse history)
    {
        ArgumentNullException.ThrowIfNull(history);
        Save(path, [.. history.Quarters.Select(q => ($"{q.Quarter} (rank {q.Rank})", q.Score))], $"Score of {history.PolicyId} by quarter", "score");
    }

    private static void Save(string path, IReadOnlyList<(string Label, double Score)> rows, string title, string axis)
    {
        var plot = new Plot();
        // The first row at the top: positions count down.
        var bars = rows.Select((row, i) => new Bar
        {
            Position = rows.Count - 1 - i,
            Value = row.Score,
            ValueBase = 0,
            FillColor = row.Score >= 0 ? Above : Below,
            LineWidth = 0,
            Label = FormattableString.Invariant($"{row.Score:0.000}"),
        }).ToList();
        var series = plot.Add.Bars(bars);
        series.Horizontal = true;
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, rows.Count).Select(i => (double)(rows.Count - 1 - i))], [.. rows.Select(r => r.Label)]);
        plot.Add.VerticalLine(0, 1, Colors.Black);
        var low = Math.Min(0, rows.Count == 0 ? 0 : rows.Min(r => r.Score));
        var high = Math.Max(0, rows.Count == 0 ? 0 : rows.Max(r => r.Score));
        var pad = Math.Max(0.05, (high - low) * 0.08);
        plot.Axes.SetLimits(low - (low < 0 ? pad : 0), high + pad, -0.6, rows.Count - 0.4);
        plot.Title(title);
        plot.XLabel(axis);
        plot.SavePng(path, Width, Math.Max(240, 120 + (RowHeight * rows.Count)));
    }
}
