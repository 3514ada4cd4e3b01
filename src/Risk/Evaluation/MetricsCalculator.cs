namespace Governance.Risk.Evaluation;

/// <summary>Computes <see cref="ModelMetrics"/> from probabilities and outcomes: one sort, then sweeps down the ranking.</summary>
public static class MetricsCalculator
{
    private const int CurvePoints = 200;
    private const int CalibrationBins = 10;

    /// <param name="probabilities">The model's probability per test row.</param>
    /// <param name="outcomes">Whether each row flooded.</param>
    /// <param name="threshold">The flagging threshold; null chooses the one with the best F1 on these rows.</param>
    /// <param name="ks">The k of precision at k; ks above the row count are left out.</param>
    public static ModelMetrics Compute(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes, double? threshold = null, IReadOnlyList<int>? ks = null)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (probabilities.Count != outcomes.Count)
        {
            throw new ArgumentException($"{probabilities.Count} probabilities for {outcomes.Count} outcomes", nameof(outcomes));
        }

        var n = probabilities.Count;
        var positives = outcomes.Count(o => o);
        var negatives = n - positives;
        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException("metrics need both outcomes among the rows", nameof(outcomes));
        }

        var order = Enumerable.Range(0, n).OrderByDescending(i => probabilities[i]).ToArray();

        // Down the ranking one group of equal scores at a time: ROC and PR points, AUC by trapezoids (ties count
        // half), average precision, and the threshold with the best F1.
        var roc = new List<CurvePoint> { new(0, 0) };
        var pr = new List<CurvePoint>();
        double auc = 0, averagePrecision = 0, bestF1 = -1, bestThreshold = 1;
        int tp = 0, fp = 0;
        for (var start = 0; start < n;)
        {
            var score = probabilities[order[start]];
            int groupTp = 0, groupFp = 0, end = start;
            for (; end < n && probabilities[order[end]] == score; end++)
            {
                if (outcomes[order[end]])
                {
                    groupTp++;
                }
                else
                {
                    groupFp++;
                }
            }

            auc += groupFp * (tp + groupTp / 2.0);
            tp += groupTp;
            fp += groupFp;
            var precision = (double)tp / (tp + fp);
            averagePrecision += groupTp * precision;
            var recall = (double)tp / positives;
            var f1 = 2 * precision * recall / (precision + recall);
            if (f1 > bestF1)
            {
                (bestF1, bestThreshold) = (f1, score);
            }

            roc.Add(new CurvePoint((double)fp / negatives, recall));
            pr.Add(new CurvePoint(recall, precision));
            start = end;
        }

        var chosen = threshold ?? bestThreshold;
        return new ModelMetrics(
            n,
            positives,
            auc / ((double)positives * negatives),
            averagePrecision / positives,
            Enumerable.Range(0, n).Average(i => Math.Pow(probabilities[i] - (outcomes[i] ? 1 : 0), 2)),
            CalibrationErrorOf(Calibrate(probabilities, outcomes), n),
            chosen,
            ConfusionAt(probabilities, outcomes, chosen),
            (ks ?? DefaultKs(n)).Where(k => k > 0 && k <= n).Select(k => new PrecisionAtK(k, order.Take(k).Count(i => outcomes[i]) / (double)k)).ToList(),
            Calibrate(probabilities, outcomes),
            Thin(roc),
            Thin(pr));
    }

    /// <summary>100, 1,000 and the top 1 % and 5 %.</summary>
    public static IReadOnlyList<int> DefaultKs(int rows) => new[] { 100, 1000, rows / 100, rows / 20 }.Where(k => k > 0).Distinct().Order().ToList();

    public static ConfusionCounts ConfusionAt(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes, double threshold)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(outcomes);
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < probabilities.Count; i++)
        {
            switch (probabilities[i] >= threshold, outcomes[i])
            {
                case (true, true): tp++; break;
                case (true, false): fp++; break;
                case (false, true): fn++; break;
                default: tn++; break;
            }
        }

        return new ConfusionCounts(tp, fp, tn, fn);
    }

    private static List<CalibrationBin> Calibrate(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes)
    {
        var rows = new int[CalibrationBins];
        var sums = new double[CalibrationBins];
        var flooded = new int[CalibrationBins];
        for (var i = 0; i < probabilities.Count; i++)
        {
            var bin = Math.Clamp((int)(probabilities[i] * CalibrationBins), 0, CalibrationBins - 1);
            rows[bin]++;
            sums[bin] += probabilities[i];
            flooded[bin] += outcomes[i] ? 1 : 0;
        }

        return Enumerable.Range(0, CalibrationBins).Select(b => new CalibrationBin(
            (double)b / CalibrationBins, (double)(b + 1) / CalibrationBins, rows[b],
            rows[b] == 0 ? 0 : sums[b] / rows[b], rows[b] == 0 ? 0 : (double)flooded[b] / rows[b])).ToList();
    }

    private static double CalibrationErrorOf(IReadOnlyList<CalibrationBin> bins, int rows) =>
        bins.Sum(b => b.Rows * Math.Abs(b.MeanProbability - b.FloodedShare)) / rows;

    /// <summary>At most <see cref="CurvePoints"/> points, first and last kept, enough to draw.</summary>
    private static List<CurvePoint> Thin(List<CurvePoint> points)
    {
        if (points.Count <= CurvePoints)
        {
            return points;
        }

        var step = (points.Count - 1) / (double)(CurvePoints - 1);
        return Enumerable.Range(0, CurvePoints).Select(i => points[(int)Math.Round(i * step)]).ToList();
    }
}
