using System.Collections.Immutable;

namespace Governance.Contracts.Surveys;

/// <summary>One survey (<c>survey:&lt;id&gt;</c>): its sample of residents and their answers, one each.</summary>
[Alias("ISurveyGrain")]
public interface ISurveyGrain : IGrainWithStringKey
{
    /// <summary>Draws the sample and sends the survey; NobodyToAsk, storing nothing, when its area has no residents on file.</summary>
    [Alias("Start")]
    Task<SurveyChange> StartAsync(SurveyDraft draft, DateTimeOffset sentAt);

    /// <summary>A sampled resident's answer, once, while it is open; stored before it returns.</summary>
    [Alias("Answer")]
    Task<SurveyChange> AnswerAsync(string residentId, int score, string comment);

    /// <summary>The survey and its results; null if it was never started.</summary>
    [Alias("Get"), Orleans.Concurrency.ReadOnly]
    Task<Survey?> GetAsync();

    /// <summary>The residents drawn, in the order drawn.</summary>
    [Alias("Sample"), Orleans.Concurrency.ReadOnly]
    Task<ImmutableArray<SampledResident>> SampleAsync();
}
