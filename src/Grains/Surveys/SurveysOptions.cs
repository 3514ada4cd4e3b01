using System.ComponentModel.DataAnnotations;

namespace Governance.Grains.Surveys;

/// <summary>How surveys are sent (configuration section "Surveys").</summary>
public sealed class SurveysOptions
{
    public const string Section = "Surveys";

    /// <summary>Residents drawn when a survey does not say how many.</summary>
    [Range(1, 10_000)]
    public int DefaultSampleSize { get; set; } = 100;
}
