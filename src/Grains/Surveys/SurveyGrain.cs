using System.Collections.Immutable;
using Governance.City.Map;
using Governance.Contracts;
using Governance.Contracts.Surveys;
using Governance.Grains.Clock;
using Governance.Grains.Deadlines;
using Governance.Grains.Storage;

namespace Governance.Grains.Surveys;

/// <summary>
/// One survey: on start it draws its sample from the residents on file in its area; each sampled resident may answer
/// once while it is open. Every answer is stored before it is acknowledged, then the results go to the register.
/// </summary>
public sealed class SurveyGrain(
    [PersistentState("survey", StoreNames.Main)] IPersistentState<SurveyState> state,
    CityMap city,
    IPeopleIndex people,
    CityClock time) : Grain, ISurveyGrain
{
    private string SurveyId => GrainKeys.Strip(this.GetPrimaryKeyString(), GrainKeys.SurveyPrefix);

    public async Task<SurveyChange> StartAsync(SurveyDraft draft, DateTimeOffset sentAt)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (state.State.Survey is { } started)
        {
            // Numbers are never given out twice, so this is the same start asked again; anything else is a bug.
            return started.Draft == draft
                ? new SurveyChange(SurveyOutcome.Made, Shown(started), "", "")
                : throw new InvalidOperationException($"Survey {SurveyId} was started already, with another draft.");
        }

        var residents = await people.ResidentIdsInCellsAsync(city.CellCodesIn(draft.Area));
        if (residents.Count == 0)
        {
            return new SurveyChange(SurveyOutcome.NobodyToAsk, null, "area", $"{draft.Area} has no residents on file to draw a sample from");
        }

        var sample = SurveySample.Draw(residents, draft.SampleSize, draft.Seed);
        state.State.Survey = new Survey(SurveyId, draft, sentAt, sample.Count, [0, 0, 0, 0, 0]);
        state.State.Sample = [.. sample];
        await this.WriteOrUndoAsync(state);
        return new SurveyChange(SurveyOutcome.Made, Shown(state.State.Survey), "", "");
    }

    public async Task<SurveyChange> AnswerAsync(string residentId, int score, string comment)
    {
        if (state.State.Survey is not { } survey)
        {
            return new SurveyChange(SurveyOutcome.NotFound, null, "survey_id", $"there is no survey '{SurveyId}'");
        }

        var now = time.GetUtcNow();
        if (now >= survey.Draft.ClosesAt)
        {
            return new SurveyChange(SurveyOutcome.Closed, null, "", $"Survey {SurveyId} closed at {DeadlineSteps.Time(survey.Draft.ClosesAt)}.");
        }

        if (!state.State.Sample.Contains(residentId, StringComparer.Ordinal))
        {
            return new SurveyChange(SurveyOutcome.NotSampled, null, "resident_id", $"{residentId} was not drawn for {SurveyId}: only the residents sampled answer it");
        }

        if (state.State.Answers.TryGetValue(residentId, out var given))
        {
            // A retry after the answer was stored but its report was lost: the register hears of it now.
            await ReportAsync(survey);
            return new SurveyChange(SurveyOutcome.AlreadyAnswered, null, "resident_id", $"{residentId} answered {SurveyId} already, at {DeadlineSteps.Time(given.At)}");
        }

        var counts = survey.Counts.ToBuilder();
        counts[score - 1]++;
        state.State.Answers[residentId] = new StoredAnswer(score, comment, now);
        state.State.Survey = survey with { Counts = counts.ToImmutable() };
        await this.WriteOrUndoAsync(state);
        await ReportAsync(state.State.Survey);
        return new SurveyChange(SurveyOutcome.Made, Shown(state.State.Survey), "", "");
    }

    public Task<Survey?> GetAsync() => Task.FromResult(state.State.Survey is { } survey ? Shown(survey) : null);

    public Task<ImmutableArray<SampledResident>> SampleAsync() =>
        Task.FromResult<ImmutableArray<SampledResident>>([.. state.State.Sample.Select(id => new SampledResident(id, state.State.Answers.ContainsKey(id)))]);

    private Task ReportAsync(Survey survey) => GrainFactory.GetGrain<ISurveyRegisterGrain>(GrainKeys.SurveyRegister).ReportAsync(survey);

    // Whether it is open is the city clock's to say, as of the answer given.
    private Survey Shown(Survey survey) => survey with { Open = time.GetUtcNow() < survey.Draft.ClosesAt };
}
