using Governance.Contracts.Surveys;

namespace Governance.Grains.Surveys;

/// <summary>What the survey register stores (state "surveys"): each survey's results as last reported, in the order sent.</summary>
public sealed class SurveyRegisterState
{
    /// <summary>How many survey numbers were given out: the next one is srv-{Sent + 1}.</summary>
    public int Sent { get; set; }

    public List<Survey> Surveys { get; set; } = [];
}
