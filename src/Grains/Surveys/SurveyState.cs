using Governance.Contracts.Surveys;

namespace Governance.Grains.Surveys;

/// <summary>What a survey grain stores (state "survey"): the survey, its sample in the order drawn, and the answers.</summary>
public sealed class SurveyState
{
    /// <summary>Null until it is started.</summary>
    public Survey? Survey { get; set; }

    public List<string> Sample { get; set; } = [];

    /// <summary>By resident: kept for the record, shown to nobody one by one.</summary>
    public Dictionary<string, StoredAnswer> Answers { get; set; } = [];
}

public sealed record StoredAnswer(int Score, string Comment, DateTimeOffset At);
