using System.Collections.Immutable;

namespace Governance.Contracts.Surveys;

/// <summary>
/// The city's register of surveys (<see cref="GrainKeys.SurveyRegister"/>): it numbers them and keeps each one's results
/// as its survey last reported them, so a policy's score or an area's figures read one grain, not every survey.
/// </summary>
[Alias("ISurveyRegisterGrain")]
public interface ISurveyRegisterGrain : IGrainWithStringKey
{
    /// <summary>Numbers a new survey and starts it (its sample drawn); refused when its area has nobody to ask.</summary>
    [Alias("Create")]
    Task<SurveyChange> CreateAsync(SurveyDraft draft);

    /// <summary>A survey's results after an answer, as the survey reports them.</summary>
    [Alias("Report")]
    Task ReportAsync(Survey survey);

    /// <summary>The surveys that match, newest first.</summary>
    [Alias("List"), Orleans.Concurrency.ReadOnly]
    Task<ImmutableArray<Survey>> ListAsync(SurveyFilter filter);
}
