namespace Governance.Contracts.Surveys;

/// <summary>What became of an answer, or of a survey asked for.</summary>
[GenerateSerializer, Alias("SurveyOutcome")]
public enum SurveyOutcome
{
    Made = 1,

    /// <summary>No such survey.</summary>
    NotFound = 2,

    /// <summary>The resident was not drawn for it.</summary>
    NotSampled = 3,

    /// <summary>The resident has answered already.</summary>
    AlreadyAnswered = 4,

    /// <summary>It closed before the answer came.</summary>
    Closed = 5,

    /// <summary>Its area has no residents on file to draw.</summary>
    NobodyToAsk = 6,
}

/// <summary>A change asked of a survey: made (with the survey after it), or refused with the field and the reason.</summary>
[GenerateSerializer, Immutable, Alias("SurveyChange")]
public sealed record class SurveyChange(
    [property: Id(0)] SurveyOutcome Outcome,
    [property: Id(1)] Survey? Survey,
    [property: Id(2)] string Field,
    [property: Id(3)] string Reason);
