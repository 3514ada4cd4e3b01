using Governance.Cli.Model;
using Governance.Contracts.Risk;
using Governance.Contracts.V1;
using Governance.Risk.Synthetic;
using Governance.Risk.Training;

namespace Governance.Gateway.Tests.Risk;

/// <summary>Small models trained on synthetic rows, and their upload over RiskService.RegisterModel in chunks.</summary>
public static class ModelUploads
{
    public static TrainedFloodModel Train(int seed, int trees = 20) =>
        FloodModelTrainer.Train(SyntheticFloodData.Generate(6_000, seed).Set, new TrainingOptions(Seed: seed, Trees: trees));

    public static ModelUpload UploadOf(TrainedFloodModel model, string note = "")
    {
        var upload = ModelUploadFile.Of(model);
        upload.Note = note;
        return upload;
    }

    /// <summary>The upload, then the file in chunks of <paramref name="chunkBytes"/>, as the CLI sends them.</summary>
    public static Task<ModelVersion> RegisterAsync(RiskService.RiskServiceClient risk, ModelUpload upload, byte[] file, int chunkBytes = ModelRegistration.ChunkBytes) =>
        risk.RegisterModelAsync(upload, file, chunkBytes);
}
