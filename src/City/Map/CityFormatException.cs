namespace Governance.City.Map;

/// <summary>A city file (GeoJSON or stored city JSON) that cannot be read, with the feature and the reason.</summary>
public sealed class CityFormatException : Exception
{
    public CityFormatException()
        : this(null, "The city file is not valid.")
    {
    }

    public CityFormatException(string message)
        : this(null, message)
    {
    }

    public CityFormatException(string message, Exception innerException)
        : this(null, message, innerException)
    {
    }

    /// <param name="featureIndex">Zero-based index of the offending feature, or null when the whole file is at fault.</param>
    /// <param name="reason">What is wrong, in words a person fixing the file can act on.</param>
    /// <param name="innerException">The parser's exception, if any.</param>
    public CityFormatException(int? featureIndex, string reason, Exception? innerException = null)
        : base(featureIndex is { } i ? $"Feature {i}: {reason}" : reason, innerException)
    {
        FeatureIndex = featureIndex;
        Reason = reason;
    }

    /// <summary>Zero-based index of the feature in the file's <c>features</c> array, or null for the whole file.</summary>
    public int? FeatureIndex { get; }

    public string Reason { get; }
}
