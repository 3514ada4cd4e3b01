using Google.Protobuf;
using Governance.Contracts.V1;
using Governance.Risk.Training;

namespace Governance.Cli.Model;

/// <summary>
/// The upload that goes with a model file, kept beside it as FILE.json by `model train` and read back by
/// `model register`: trainer, data fingerprint, held-out metrics, threshold.
/// </summary>
public static class ModelUploadFile
{
    public static string PathFor(string modelPath) => Path.ChangeExtension(modelPath, ".json");

    public static ModelUpload Of(TrainedFloodModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new ModelUpload
        {
            Trainer = model.Options.Trainer.ToString(),
            DataFingerprint = model.DataFingerprint,
            Threshold = model.Metrics.Threshold,
            Metrics = new ModelMetrics
            {
                Auc = model.Metrics.Auc,
                PrAuc = model.Metrics.PrAuc,
                Brier = model.Metrics.Brier,
                CalibrationError = model.Metrics.CalibrationError,
                TrainingRows = model.TrainingRows,
                TestRows = model.TestRows.Count,
            },
        };
    }

    public static Task WriteAsync(string modelPath, ModelUpload upload, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(PathFor(modelPath), new JsonFormatter(JsonFormatter.Settings.Default.WithIndentation()).Format(upload), cancellationToken);

    /// <summary>The upload beside the model file, or null when there is none.</summary>
    public static async Task<ModelUpload?> ReadAsync(string modelPath, CancellationToken cancellationToken)
    {
        var path = PathFor(modelPath);
        return File.Exists(path) ? ModelUpload.Parser.ParseJson(await File.ReadAllTextAsync(path, cancellationToken)) : null;
    }
}
