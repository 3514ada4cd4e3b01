using System.Security.Cryptography;
using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.Risk.Features;
using Grpc.Core;

namespace Governance.Gateway.Tests.Risk;

/// <summary>The model registry over HTTP/2: register, list, promote, score with explanations, roll back; bad uploads change nothing.</summary>
public sealed class ModelRegistryTests(RiskHostFixture fixture) : IClassFixture<RiskHostFixture>
{
    private static readonly StormForecast Storm = new() { RainfallMm24H = 180, DurationHours = 6 };

    [Fact]
    public async Task AModel_IsRegistered_Promoted_ScoresAsTrained_AndRollsBack()
    {
        var risk = fixture.Risk;
        var ids = await fixture.HouseholdsAsync(40);
        var before = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => risk.ScoreHouseholdsAsync(new ScoreHouseholdsRequest { HouseholdIds = { ids }, Forecast = Storm }).ResponseAsync);
        var noWarning = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => risk.IssueStormWarningAsync(new IssueStormWarningRequest { WarningId = "too-early", Forecast = Storm }).ResponseAsync);
        var first = ModelUploads.Train(seed: 1);
        var second = ModelUploads.Train(seed: 2);
        var firstFile = first.Scorer.Save();

        var v1 = await ModelUploads.RegisterAsync(risk, ModelUploads.UploadOf(first, "first try"), firstFile, chunkBytes: 10_000);
        var v2 = await ModelUploads.RegisterAsync(risk, ModelUploads.UploadOf(second), second.Scorer.Save());
        var listed = await risk.ListModelsAsync(new ListModelsRequest());
        var promoted = await risk.PromoteModelAsync(new PromoteModelRequest { Version = v1.Version });
        var scored = await risk.ScoreHouseholdsAsync(new ScoreHouseholdsRequest { HouseholdIds = { ids }, Forecast = Storm, Explain = true });
        await risk.PromoteModelAsync(new PromoteModelRequest { Version = v2.Version });
        var scoredBySecond = await risk.ScoreHouseholdsAsync(new ScoreHouseholdsRequest { HouseholdIds = { ids }, Forecast = Storm });
        var rolledBack = await risk.RollbackModelAsync(new RollbackModelRequest());
        var afterRollback = await risk.ScoreHouseholdsAsync(new ScoreHouseholdsRequest { HouseholdIds = { ids }, Forecast = Storm });
        var nothingBefore = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => risk.RollbackModelAsync(new RollbackModelRequest()).ResponseAsync);
        var unknown = await RpcAssert.FailsWith(StatusCode.NotFound, () => risk.PromoteModelAsync(new PromoteModelRequest { Version = 999 }).ResponseAsync);

        Assert.Contains("No flood model is promoted yet", before.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("No flood model is promoted yet", noWarning.Status.Detail, StringComparison.Ordinal);
        Assert.Equal((1L, 2L), (v1.Version, v2.Version));
        Assert.Equal(("test-admin", "first try", Convert.ToHexStringLower(SHA256.HashData(firstFile)), (long)firstFile.Length, first.DataFingerprint),
            (v1.RegisteredBy, v1.Note, v1.Sha256, v1.SizeBytes, v1.DataFingerprint));
        Assert.Equal([2L, 1L], listed.Models.Select(m => m.Version));
        Assert.Equal(0, listed.ActiveVersion);
        Assert.True(promoted.Active);

        // The server scored with model 1: the same features through the same model give the same probabilities.
        Assert.Equal(v1.Version, scored.ModelVersion);
        Assert.Equal(ids, scored.Scores.Select(s => s.HouseholdId));
        var features = scored.Scores.Select(FeaturesOf).ToList();
        var expected = first.Scorer.Score(features);
        Assert.All(scored.Scores.Select((s, i) => (s.Probability, Expected: expected[i])), pair => Assert.Equal(pair.Expected, pair.Probability, 6));
        Assert.All(scored.Scores, s => Assert.Equal(s.Probability >= first.Metrics.Threshold, s.Flagged));
        Assert.All(scored.Scores, s => Assert.Equal(s.Contributions.OrderByDescending(c => Math.Abs(c.Contribution)).Select(c => c.Feature), s.Contributions.Select(c => c.Feature)));
        Assert.All(features, f => Assert.Equal((180f, 6f), (f[FloodFeatures.Rainfall], f[FloodFeatures.StormDuration])));
        Assert.Contains(features, f => f[FloodFeatures.ElevationAboveCellLowest] > 0);

        Assert.Equal(v2.Version, scoredBySecond.ModelVersion);
        Assert.NotEqual(scored.Scores.Select(s => s.Probability), scoredBySecond.Scores.Select(s => s.Probability));
        Assert.Equal((v1.Version, v1.Version), (rolledBack.Version, afterRollback.ModelVersion));
        Assert.Equal(scored.Scores.Select(s => s.Probability), afterRollback.Scores.Select(s => s.Probability));
        Assert.Contains("version 1 is the only one promoted so far", nothingBefore.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("there is no model version 999", unknown.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadUpload_IsRefusedFieldByField_AndRegistersNothing()
    {
        var risk = fixture.Risk;
        var model = ModelUploads.Train(seed: 3, trees: 60);
        var file = model.Scorer.Save();
        Assert.True(file.Length > 40_000, $"the model file is only {file.Length} bytes: too small to send a chunk that is too big");
        var before = (await risk.ListModelsAsync(new ListModelsRequest())).Models.Count;
        var badFingerprint = ModelUploads.UploadOf(model);
        badFingerprint.DataFingerprint = "abc";
        badFingerprint.Threshold = 1.5;

        var notAModel = await RpcAssert.InvalidField("chunk", () => ModelUploads.RegisterAsync(risk, ModelUploads.UploadOf(model), [1, 2, 3, 4, 5]));
        var fields = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => ModelUploads.RegisterAsync(risk, badFingerprint, file));
        var bigChunk = await RpcAssert.InvalidField("chunk", () => ModelUploads.RegisterAsync(risk, ModelUploads.UploadOf(model), file, chunkBytes: 40_000));
        var noUpload = await RpcAssert.InvalidField("upload", async () =>
        {
            using var call = risk.RegisterModel();
            await call.RequestStream.WriteAsync(new RegisterModelRequest { Chunk = Google.Protobuf.ByteString.CopyFrom(file, 0, 100) });
            await call.RequestStream.CompleteAsync();
            await call;
        });
        var unknownHousehold = await RpcAssert.InvalidField("forecast.rainfall_mm_24h", () =>
            risk.ScoreHouseholdsAsync(new ScoreHouseholdsRequest { HouseholdIds = { "h-1" }, Forecast = new StormForecast { RainfallMm24H = 0, DurationHours = 6 } }).ResponseAsync);

        Assert.Contains("not a flood model of this platform: it is not an ML.NET model file", notAModel.Description, StringComparison.Ordinal);
        Assert.Contains("upload.data_fingerprint", fields.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("upload.threshold: 1.5 must lie strictly between 0 and 1", fields.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("a chunk holds at most 32,768", bigChunk.Description, StringComparison.Ordinal);
        Assert.Contains("the first message of the stream carries the upload", noUpload.Description, StringComparison.Ordinal);
        Assert.Contains("must lie between 1 and 1,000 mm", unknownHousehold.Description, StringComparison.Ordinal);
        Assert.Equal(before, (await risk.ListModelsAsync(new ListModelsRequest())).Models.Count);
    }

    /// <summary>The feature vector the server scored, read back from the explanation.</summary>
    internal static float[] FeaturesOf(HouseholdScore score)
    {
        var features = new float[FloodFeatures.Count];
        foreach (var contribution in score.Contributions)
        {
            features[FloodFeatures.All.Select(f => f.Column).ToList().IndexOf(contribution.Feature)] = (float)contribution.Value;
        }

        return features;
    }
}
