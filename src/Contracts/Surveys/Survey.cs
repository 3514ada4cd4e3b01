using System.Collections.Immutable;

namespace Governance.Contracts.Surveys;

/// <summary>A survey and its results so far.</summary>
/// <param name="SurveyId">"srv-1", "srv-2" … in the order they were sent.</param>
/// <param name="Draft">What was asked, of whom.</param>
/// <param name="SentAt">When the sample was drawn and the survey sent.</param>
/// <param name="Sampled">How many residents were drawn.</param>
/// <param name="Counts">How many answers gave each score: index 0 is score 1, index 4 score 5.</param>
[GenerateSerializer, Immutable, Alias("Survey")]
public sealed record class Survey(
    [property: Id(0)] string SurveyId,
    [property: Id(1)] SurveyDraft Draft,
    [property: Id(2)] DateTimeOffset SentAt,
    [property: Id(3)] int Sampled,
    [property: Id(4)] ImmutableArray<int> Counts)
{
    /// <summary>True until it closes, as of the moment it was read (set by the grain that answers, by the city's clock).</summary>
    [Id(5)]
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Open { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public int Answered => Counts.Sum();

    /// <summary>The sum of every answer's score.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int ScoreSum => Counts.Select((count, i) => count * (i + 1)).Sum();

    /// <summary>The mean score, 1 to 5; null before the first answer.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double? MeanScore => Answered == 0 ? null : (double)ScoreSum / Answered;

    /// <summary>Answers over residents sampled, 0 to 1.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double ResponseRate => Sampled == 0 ? 0 : (double)Answered / Sampled;
}
