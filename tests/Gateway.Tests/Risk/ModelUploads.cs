using Google.Protobuf;
using Governance.Contracts.V1;
using Governance.Risk.Synthetic;
using Governance.Risk.Training;

namespace Governance.Gateway.Tests.Risk;

/// <summary>Small models trained on synthetic rows, and their upload over RiskService.RegisterModel in chunks.</summary>
public static class ModelUploads
{
    public static TrainedFloodModel Train(int seed, int trees = 20) =>
        FloodModelTrainer.Train(SyntheticFloodData.Generate(6_000, seed).Set, new TrainingOptions(Seed: seed, Trees: trees));

    public static ModelUpload UploadOf(TrainedFloodModel model, string note = "") => new()
    {
        Trainer = model.Options.Trainer.ToString(),
        DataFingerprint = model.DataFingerprint,
        Threshold = model.Metrics.Threshold,
        Note = note,
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

    /// <summary>The upload, then the file in chunks of <paramref name="chunkBytes"/>.</summary>
    public static async Task<ModelVersion> RegisterAsync(RiskService.RiskServiceClient risk, ModelUpload upload, byte[] file, int chunkBytes = 32 * 1024)
    {
        using var call = risk.RegisterModel();
        try
        {
            await call.RequestStream.WriteAsync(new RegisterModelRequest { Upload = upload });
            for (var offset = 0; offset < file.Length; offset += chunkBytes)
            {
                await call.RequestStream.WriteAsync(new RegisterModelRequest { Chunk = ByteString.CopyFrom(file, offset, Math.Min(chunkBytes, file.Length - offset)) });
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception ex) when (ex is Grpc.Core.RpcException or InvalidOperationException)
        {
            // The server ended the call before the whole file was sent (it refused a chunk): its status says why.
        }

        return await call;
    }
}
