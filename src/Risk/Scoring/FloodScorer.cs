using Governance.Risk.Features;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms;

namespace Governance.Risk.Scoring;

/// <summary>
/// A trained flood model, ready to score: probabilities for many households at once, each feature's contribution to a
/// score, the features' importance, and the model as a file. Thread-safe: scores walk the model's trees copied into
/// arrays, and explanations go through ML.NET's batch transform, which needs no per-thread engine.
/// </summary>
public sealed class FloodScorer
{
    private const string ProbabilityColumn = "Probability";
    private const string ContributionsColumn = "FeatureContributions";

    /// <summary>Rows scored by one transform: enough that the transform's set-up does not count, few enough to spread over the cores.</summary>
    private const int SliceRows = 50_000;

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly FeatureContributionCalculatingTransformer _contributions;
    private readonly CompiledTrees? _compiled;

    public FloodScorer(MLContext ml, ITransformer model)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(model);
        _ml = ml;
        _model = model;
        _contributions = ContributionsOf(ml, model)
            ?? throw new FloodModelMismatchException($"its predictor ({model.GetType().Name}) cannot explain its scores; it must be FastTree or LightGBM boosted trees");
        _compiled = CompiledTrees.Of(model);
    }

    /// <summary>
    /// The flood probability of each feature vector, in order; a large batch in slices, one per core at a time. Boosted
    /// trees are walked directly (<see cref="CompiledTrees"/>); any other model goes through ML.NET.
    /// </summary>
    public IReadOnlyList<double> Score(IReadOnlyList<float[]> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (_compiled is not { } trees)
        {
            return ScoreWithMlNet(features);
        }

        var probabilities = new double[features.Count];
        var slices = (features.Count + SliceRows - 1) / SliceRows;
        Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, slice =>
        {
            var end = Math.Min(features.Count, (slice + 1) * SliceRows);
            for (var i = slice * SliceRows; i < end; i++)
            {
                probabilities[i] = trees.Probability(features[i]);
            }
        });
        return probabilities;
    }

    /// <summary>Whether <see cref="Score"/> walks the trees itself rather than going through ML.NET.</summary>
    public bool IsCompiled => _compiled is not null;

    /// <summary>The same probabilities through ML.NET's own transform: the reference the compiled trees are held to.</summary>
    public IReadOnlyList<double> ScoreWithMlNet(IReadOnlyList<float[]> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var probabilities = new double[features.Count];
        var slices = (features.Count + SliceRows - 1) / SliceRows;
        Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, slice =>
        {
            var start = slice * SliceRows;
            var rows = features.Skip(start).Take(Math.Min(SliceRows, features.Count - start));
            var index = start;
            foreach (var probability in _model.Transform(View(rows)).GetColumn<float>(ProbabilityColumn))
            {
                probabilities[index++] = probability;
            }
        });
        return probabilities;
    }

    /// <summary>Each feature's push on each vector's score (in the trees' score units, before calibration): above 0 towards flooding.</summary>
    public IReadOnlyList<float[]> Explain(IReadOnlyList<float[]> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var explained = _contributions.Transform(_model.Transform(View(features)));
        return explained.GetColumn<float[]>(ContributionsColumn).ToList();
    }

    /// <summary>The trees' gain per feature, scaled so the largest is 1.</summary>
    public IReadOnlyList<double> Importance()
    {
        var weights = default(VBuffer<float>);
        var predictor = (_model as IPredictionTransformer<object>)?.Model;
        switch (predictor)
        {
            case CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator> fastTree:
                fastTree.SubModel.GetFeatureWeights(ref weights);
                break;
            case CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator> lightGbm:
                lightGbm.SubModel.GetFeatureWeights(ref weights);
                break;
            default:
                return new double[FloodFeatures.Count];
        }

        var dense = new float[FloodFeatures.Count];
        weights.CopyTo(dense);
        var top = Math.Max(dense.Max(), float.Epsilon);
        return dense.Select(w => (double)(w / top)).ToList();
    }

    /// <summary>The model as an ML.NET zip file.</summary>
    public byte[] Save()
    {
        using var stream = new MemoryStream();
        _ml.Model.Save(_model, View([]).Schema, stream);
        return stream.ToArray();
    }

    /// <summary>A model file, checked: its input must be the features of <see cref="FloodFeatures"/> and its output a probability.</summary>
    /// <exception cref="FloodModelMismatchException">The file is not such a model, with the reason.</exception>
    public static FloodScorer Load(byte[] file, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(file);
        var ml = new MLContext(seed);
        ITransformer model;
        DataViewSchema input;
        try
        {
            using var stream = new MemoryStream(file);
            model = ml.Model.Load(stream, out input);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or InvalidDataException or IOException or ArgumentException)
        {
            throw new FloodModelMismatchException($"it is not an ML.NET model file ({ex.Message})");
        }

        var features = input.GetColumnOrNull(nameof(FloodExample.Features));
        if (features is not { Type: VectorDataViewType { ItemType: var item, Size: var size } } || item != NumberDataViewType.Single || size != FloodFeatures.Count)
        {
            throw new FloodModelMismatchException(
                $"its input is not a vector of {FloodFeatures.Count} floats named Features ({string.Join(", ", FloodFeatures.All.Select(f => f.Column))})");
        }

        DataViewSchema output;
        try
        {
            output = model.GetOutputSchema(input);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            throw new FloodModelMismatchException($"it does not run on the features ({ex.Message})");
        }

        if (output.GetColumnOrNull(ProbabilityColumn) is not { Type: var type } || type != NumberDataViewType.Single)
        {
            throw new FloodModelMismatchException("it does not output a probability: it is not a binary classifier");
        }

        return new FloodScorer(ml, model);
    }

    private IDataView View(IEnumerable<float[]> features) =>
        _ml.Data.LoadFromEnumerable(features.Select(f => new FloodExample { Features = f }));

    private static FeatureContributionCalculatingTransformer? ContributionsOf(MLContext ml, ITransformer model)
    {
        var empty = ml.Data.LoadFromEnumerable(Array.Empty<FloodExample>());
        return model switch
        {
            ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>> fastTree =>
                ml.Transforms.CalculateFeatureContribution(fastTree, FloodFeatures.Count, FloodFeatures.Count, normalize: false).Fit(model.Transform(empty)),
            ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>> lightGbm =>
                ml.Transforms.CalculateFeatureContribution(lightGbm, FloodFeatures.Count, FloodFeatures.Count, normalize: false).Fit(model.Transform(empty)),
            _ => null,
        };
    }
}
