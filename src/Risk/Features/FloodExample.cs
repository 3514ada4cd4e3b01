using Microsoft.ML.Data;

namespace Governance.Risk.Features;

/// <summary>One household under one storm as ML.NET reads it: the feature vector and, for training, whether it flooded.</summary>
public sealed class FloodExample
{
    [VectorType(FloodFeatures.Count)]
    public float[] Features { get; set; } = new float[FloodFeatures.Count];

    public bool Label { get; set; }
}
