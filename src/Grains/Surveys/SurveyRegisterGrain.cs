using System.Collections.Immutable;
using Governance.City.Map;
using Governance.Contracts;
using Governance.Contracts.Surveys;
using Governance.Grains.Clock;
using Governance.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Governance.Grains.Surveys;

/// <summary>
/// The city's survey register: numbers surveys, starts them, and keeps their results as their grains report them. A
/// report that arrives after a newer one (more answers) is ignored, so results only move forward.
/// </summary>
public sealed class SurveyRegisterGrain(
    [PersistentState("surveys", StoreNames.Main)] IPersistentState<SurveyRegisterState> state,
    CityMap city,
    CityClock time,
    IOptions<SurveysOptions> options) : Grain, ISurveyRegisterGrain
{
    public async Task<SurveyChange> CreateAsync(SurveyDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        // The number is taken (and stored) first, so a survey grain is never started under a number given out again,
        // even if this call fails half way; an area with nobody to ask leaves a gap in the numbering.
        state.State.Sent++;
        await this.WriteOrUndoAsync(state);
        var surveyId = $"srv-{state.State.Sent}";
        // A size or seed left unset (0) is the configured size, and a seed drawn here and kept with the survey.
        draft = draft with
        {
            SampleSize = draft.SampleSize > 0 ? draft.SampleSize : options.Value.DefaultSampleSize,
            Seed = draft.Seed != 0 ? draft.Seed : Random.Shared.Next(1, int.MaxValue),
        };
        var started = await GrainFactory.GetGrain<ISurveyGrain>(GrainKeys.Survey(surveyId)).StartAsync(draft, time.GetUtcNow());
        if (started.Outcome != SurveyOutcome.Made)
        {
            return started;
        }

        state.State.Surveys.Add(started.Survey!);
        await this.WriteOrUndoAsync(state);
        return started;
    }

    public async Task ReportAsync(Survey survey)
    {
        ArgumentNullException.ThrowIfNull(survey);
        var at = state.State.Surveys.FindIndex(s => s.SurveyId == survey.SurveyId);
        if (at >= 0 && state.State.Surveys[at].Answered >= survey.Answered)
        {
            return;
        }

        // A survey it does not hold was started while its entry failed to store: its first report enters it.
        if (at < 0)
        {
            state.State.Surveys.Add(survey);
            state.State.Surveys.Sort((a, b) => a.SentAt.CompareTo(b.SentAt));
        }
        else
        {
            state.State.Surveys[at] = survey;
        }

        await this.WriteOrUndoAsync(state);
    }

    public Task<ImmutableArray<Survey>> ListAsync(SurveyFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var found = state.State.Surveys
            .Where(s => city.IsWithin(s.Draft.Area, filter.Area))
            .Where(s => filter.PolicyId.Length == 0 || s.Draft.PolicyId == filter.PolicyId)
            .Where(s => filter.SentFrom is not { } from || s.SentAt >= from)
            .Where(s => filter.SentBefore is not { } before || s.SentAt < before)
            .Select(s => s with { Open = time.GetUtcNow() < s.Draft.ClosesAt })
            .Reverse();
        return Task.FromResult<ImmutableArray<Survey>>([.. found]);
    }
}
