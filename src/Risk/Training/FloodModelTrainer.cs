using System.Security.Cryptography;
using Governance.Risk.Evaluation;
using Governance.Risk.Features;
using Governance.Risk.Scoring;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Governance.Risk.Training;

/// <summary>
/// Trains the flood classifier on a training set: holds out a test share by household, fits boosted trees on the rest,
/// and evaluates the held-out rows. Single-threaded with a fixed seed, so a run can be repeated exactly.
/// </summary>
public static class FloodModelTrainer
{
    public static TrainedFloodModel Train(TrainingSet data, TrainingOptions options, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var (train, test) = Split(data, options);
        if (!HasBothOutcomes(train) || !HasBothOutcomes(test))
        {
            throw new InvalidOperationException($"the {train.Count:N0} training and {test.Count:N0} test rows must each hold flooded and dry households; give more rows");
        }

        var ml = new MLContext(seed: options.Seed);
        progress?.Report($"training {options.Trainer} on {train.Count:N0} rows ({train.Count(e => e.Label):N0} flooded), {options.Trees} trees of {options.Leaves} leaves");
        var trainer = options.Trainer switch
        {
            TrainerKind.LightGbm => (IEstimator<ITransformer>)ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                NumberOfIterations = options.Trees,
                NumberOfLeaves = options.Leaves,
                LearningRate = options.LearningRate,
                MinimumExampleCountPerLeaf = options.MinimumLeafRows,
                NumberOfThreads = 1,
                Seed = options.Seed,
                Silent = true,
            }),
            _ => ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                NumberOfTrees = options.Trees,
                NumberOfLeaves = options.Leaves,
                LearningRate = options.LearningRate,
                MinimumExampleCountPerLeaf = options.MinimumLeafRows,
                NumberOfThreads = 1,
                Seed = options.Seed,
            }),
        };
        var model = trainer.Fit(ml.Data.LoadFromEnumerable(train));
        var scorer = new FloodScorer(ml, model);

        progress?.Report($"evaluating on {test.Count:N0} held-out rows");
        var probabilities = scorer.Score(test.Select(e => e.Features).ToList());
        var metrics = MetricsCalculator.Compute(probabilities, test.Select(e => e.Label).ToList());
        return new TrainedFloodModel(scorer, options, metrics, Fingerprint(data), train.Count, test);
    }

    /// <summary>Households go wholly to training or to test, by a hash of their id and the seed: no storm of a test household is trained on.</summary>
    private static (List<FloodExample> Train, List<FloodExample> Test) Split(TrainingSet data, TrainingOptions options)
    {
        var train = new List<FloodExample>();
        var test = new List<FloodExample>();
        for (var i = 0; i < data.Count; i++)
        {
            var bucket = StableHash(data.HouseholdIds[i], options.Seed) % 10_000 / 10_000.0;
            (bucket < options.TestFraction ? test : train).Add(data.Examples[i]);
        }

        return (train, test);
    }

    // FNV-1a over the seed and the id: string.GetHashCode and HashCode differ between processes, a split must not.
    private static uint StableHash(string text, int seed)
    {
        var hash = 2166136261u;
        foreach (var value in BitConverter.GetBytes(seed).Concat(System.Text.Encoding.UTF8.GetBytes(text)))
        {
            hash = unchecked((hash ^ value) * 16777619u);
        }

        return hash;
    }

    private static bool HasBothOutcomes(List<FloodExample> rows) => rows.Any(e => e.Label) && rows.Any(e => !e.Label);

    /// <summary>SHA-256 over every id, feature and label in order: the same data gives the same fingerprint.</summary>
    public static string Fingerprint(TrainingSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> buffer = stackalloc byte[sizeof(float)];
        for (var i = 0; i < data.Count; i++)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(data.HouseholdIds[i] + "\n"));
            foreach (var value in data.Examples[i].Features)
            {
                BitConverter.TryWriteBytes(buffer, value);
                hash.AppendData(buffer);
            }

            hash.AppendData([data.Examples[i].Label ? (byte)1 : (byte)0]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
