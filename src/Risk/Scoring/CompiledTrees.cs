using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Governance.Risk.Scoring;

/// <summary>
/// A calibrated boosted-tree model's trees copied into flat arrays and walked directly, so that a city's households
/// are scored without ML.NET's per-row data-view machinery: the same trees, the same order of summing, the model's own
/// calibrator. Tested to agree with ML.NET's scores (Risk.Tests, CompiledTreesTests).
/// </summary>
internal sealed class CompiledTrees
{
    private readonly int[] _roots;
    private readonly int[] _feature;
    private readonly float[] _threshold;
    // A child below zero is a leaf: ~child indexes _leafValue.
    private readonly int[] _lessOrEqual;
    private readonly int[] _greater;
    private readonly double[] _leafValue;
    private readonly double _bias;
    private readonly PlattCalibrator _calibrator;

    private CompiledTrees(
        int[] roots, int[] feature, float[] threshold, int[] lessOrEqual, int[] greater, double[] leafValue, double bias, PlattCalibrator calibrator)
    {
        (_roots, _feature, _threshold, _lessOrEqual, _greater, _leafValue, _bias, _calibrator) =
            (roots, feature, threshold, lessOrEqual, greater, leafValue, bias, calibrator);
    }

    /// <summary>The model's trees compiled, or null when it is not a Platt-calibrated FastTree or LightGBM model with numeric splits only.</summary>
    public static CompiledTrees? Of(ITransformer model) => (model as IPredictionTransformer<object>)?.Model switch
    {
        CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator> fastTree => Compile(fastTree.SubModel.TrainedTreeEnsemble, fastTree.Calibrator),
        CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator> lightGbm => Compile(lightGbm.SubModel.TrainedTreeEnsemble, lightGbm.Calibrator),
        _ => null,
    };

    /// <summary>The flood probability of one feature vector.</summary>
    public double Probability(float[] features)
    {
        var score = _bias;
        foreach (var root in _roots)
        {
            var node = root;
            while (node >= 0)
            {
                node = features[_feature[node]] <= _threshold[node] ? _lessOrEqual[node] : _greater[node];
            }

            score += _leafValue[~node];
        }

        return _calibrator.PredictProbability((float)score);
    }

    private static CompiledTrees? Compile(RegressionTreeEnsemble ensemble, PlattCalibrator calibrator)
    {
        var (roots, feature, threshold, lessOrEqual, greater, leafValue) = (new List<int>(), new List<int>(), new List<float>(), new List<int>(), new List<int>(), new List<double>());
        for (var t = 0; t < ensemble.Trees.Count; t++)
        {
            var tree = ensemble.Trees[t];
            if (tree.CategoricalSplitFlags.Any(categorical => categorical))
            {
                return null;
            }

            // Nodes and leaves are renumbered into the shared arrays; a tree of one leaf has no node and starts at its leaf.
            var (nodeBase, leafBase) = (feature.Count, leafValue.Count);
            int Place(int child) => child >= 0 ? nodeBase + child : ~(leafBase + ~child);
            for (var n = 0; n < tree.NumberOfNodes; n++)
            {
                feature.Add(tree.NumericalSplitFeatureIndexes[n]);
                threshold.Add(tree.NumericalSplitThresholds[n]);
                lessOrEqual.Add(Place(tree.LeftChild[n]));
                greater.Add(Place(tree.RightChild[n]));
            }

            leafValue.AddRange(tree.LeafValues.Select(value => value * ensemble.TreeWeights[t]));
            roots.Add(tree.NumberOfNodes > 0 ? nodeBase : ~leafBase);
        }

        return new CompiledTrees([.. roots], [.. feature], [.. threshold], [.. lessOrEqual], [.. greater], [.. leafValue], ensemble.Bias, calibrator);
    }
}
