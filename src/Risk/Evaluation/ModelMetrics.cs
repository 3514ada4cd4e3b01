namespace Governance.Risk.Evaluation;

/// <summary>How well a model's probabilities sort and fit the outcomes of a test set.</summary>
/// <param name="Rows">Test rows.</param>
/// <param name="Positives">Of them, flooded.</param>
/// <param name="Auc">Area under the ROC curve: the chance a flooded household is scored above a dry one (ties half).</param>
/// <param name="PrAuc">Area under the precision–recall curve as average precision: the mean precision at each flooded household's rank.</param>
/// <param name="Brier">Mean squared difference between probability and outcome.</param>
/// <param name="CalibrationError">Expected calibration error: the bins' |mean probability − flooded share|, weighted by their rows.</param>
/// <param name="Threshold">The probability from which a household is flagged.</param>
/// <param name="Confusion">The counts at <paramref name="Threshold"/>.</param>
/// <param name="PrecisionAtK">Of the k highest-scored households, the share that flooded, for each k.</param>
/// <param name="Calibration">Ten bins of predicted probability: rows, mean probability, flooded share.</param>
/// <param name="Roc">The ROC curve (false positive rate, true positive rate), at most a few hundred points.</param>
/// <param name="PrecisionRecall">The precision–recall curve (recall, precision), likewise.</param>
public sealed record ModelMetrics(
    int Rows,
    int Positives,
    double Auc,
    double PrAuc,
    double Brier,
    double CalibrationError,
    double Threshold,
    ConfusionCounts Confusion,
    IReadOnlyList<PrecisionAtK> PrecisionAtK,
    IReadOnlyList<CalibrationBin> Calibration,
    IReadOnlyList<CurvePoint> Roc,
    IReadOnlyList<CurvePoint> PrecisionRecall);

public sealed record ConfusionCounts(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public double Accuracy => (double)(TruePositives + TrueNegatives) / Math.Max(1, TruePositives + FalsePositives + TrueNegatives + FalseNegatives);
}

public sealed record PrecisionAtK(int K, double Precision);

public sealed record CalibrationBin(double From, double To, int Rows, double MeanProbability, double FloodedShare);

public sealed record CurvePoint(double X, double Y);
