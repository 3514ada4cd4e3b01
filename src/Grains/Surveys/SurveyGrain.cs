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
            // Asked again (a retry of the register's call): the sample drawn the first time stands.
            return new SurveyChange(SurveyOutcome.Made, started, "", "");
        }

        var residents = await people.ResidentIdsInCellsAsync(city.CellCodesIn(draft.Area));
        if (residents.Count == 0)
        {
            return new SurveyChange(SurveyOutcome.NobodyToAsk, null, "area", $"{draft.Area} has no residents on file to draw a sample from");
        }

        var sample = SurveySample.Draw(residents, draft.SampleSize, draft.Seed);
        state.State.Survey = new Survey(SurveyId, draft, sentAt, sample.Count, [0, 0, 0, 0, 0]);
        state.State.Sample = [.. sample];
        await state.WriteStateAsync();
        return new SurveyChange(SurveyOutcome.Made, state.State.Survey, "", "");
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
            return new SurveyChange(SurveyOutcome.AlreadyAnswered, null, "resident_id", $"{residentId} answered {SurveyId} already, at {DeadlineSteps.Time(given.At)}");
        }

        state.State.Answers[residentId] = new StoredAnswer(score, comment, now);
        var counts = survey.Counts.ToBuilder();
        counts[score - 1]++;
        state.State.Survey = survey with { Counts = counts.ToImmutable() };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ISurveyRegisterGrain>(GrainKeys.SurveyRegister).ReportAsync(state.State.Survey);
        return new SurveyChange(SurveyOutcome.Made, state.State.Survey, "", "");
    }

    public Task<Survey?> GetAsync() => Task.FromResult(state.State.Survey);

    public Task<ImmutableArray<SampledResident>> SampleAsync() =>
        Task.FromResult<ImmutableArray<SampledResident>>([.. state.State.Sample.Select(id => new SampledResident(id, state.State.Answers.ContainsKey(id)))]);
}
