using System.Text.RegularExpressions;
using Governance.Contracts.Risk;
using Governance.Contracts.V1;

namespace Governance.Gateway.Validation;

/// <summary>What a model upload and a storm forecast must hold.</summary>
internal static partial class RiskRules
{
    public const int ChunkMaxBytes = 32 * 1024;
    public const long FileMaxBytes = 64L * 1024 * 1024;
    private const int NoteMaxLength = 500;

    public static readonly IReadOnlyList<string> Trainers = ["FastTree", "LightGbm"];

    /// <summary>The upload's metadata as the registry keeps it; every wrong field added to <paramref name="violations"/>.</summary>
    public static RiskModelUpload Upload(FieldViolations violations, ModelUpload? upload, string registeredBy)
    {
        if (upload is null)
        {
            violations.Add("upload", "is required: the first message of the stream carries the upload, the file follows in chunks");
            return new RiskModelUpload("", "", new RiskModelMetrics(0, 0, 0, 0, 0, 0), 0, "", registeredBy);
        }

        if (!Trainers.Contains(upload.Trainer))
        {
            violations.Add("upload.trainer", $"'{upload.Trainer}' is not one of {string.Join(", ", Trainers)}");
        }

        if (!Sha256().IsMatch(upload.DataFingerprint))
        {
            violations.Add("upload.data_fingerprint", "must be the training data's SHA-256, 64 lower-case hex digits");
        }

        if (!(upload.Threshold > 0 && upload.Threshold < 1))
        {
            violations.Add("upload.threshold", $"{upload.Threshold} must lie strictly between 0 and 1");
        }

        if (upload.Note.Length > NoteMaxLength)
        {
            violations.Add("upload.note", $"is {upload.Note.Length} characters long; at most {NoteMaxLength} are allowed");
        }

        var metrics = upload.Metrics ?? new ModelMetrics();
        foreach (var (name, value) in new[] { ("auc", metrics.Auc), ("pr_auc", metrics.PrAuc), ("brier", metrics.Brier), ("calibration_error", metrics.CalibrationError) })
        {
            if (!(value >= 0 && value <= 1))
            {
                violations.Add($"upload.metrics.{name}", $"{value} must lie between 0 and 1");
            }
        }

        if (metrics.TrainingRows < 1 || metrics.TestRows < 1)
        {
            violations.Add("upload.metrics.training_rows", "training_rows and test_rows must both be at least 1");
        }

        return new RiskModelUpload(upload.Trainer, upload.DataFingerprint,
            new RiskModelMetrics(metrics.Auc, metrics.PrAuc, metrics.Brier, metrics.CalibrationError, metrics.TrainingRows, metrics.TestRows),
            upload.Threshold, upload.Note.Trim(), registeredBy);
    }

    /// <summary>The forecast's rainfall and duration, each within what a storm can be.</summary>
    public static (double Rainfall, double Hours) Forecast(FieldViolations violations, StormForecast? forecast)
    {
        if (forecast is null)
        {
            violations.Add("forecast", "is required: rainfall_mm_24h and duration_hours");
            return (0, 0);
        }

        if (!(forecast.RainfallMm24H >= 1 && forecast.RainfallMm24H <= 1000))
        {
            violations.Add("forecast.rainfall_mm_24h", $"{forecast.RainfallMm24H} must lie between 1 and 1,000 mm");
        }

        if (!(forecast.DurationHours >= 0.5 && forecast.DurationHours <= 72))
        {
            violations.Add("forecast.duration_hours", $"{forecast.DurationHours} must lie between 0.5 and 72 hours");
        }

        return (forecast.RainfallMm24H, forecast.DurationHours);
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256();
}
