using System.Collections.Immutable;
using Governance.City.Map;
using Governance.Contracts.Risk;
using Governance.Grains.Clock;
using Governance.Grains.Storage;
using Orleans.Concurrency;

namespace Governance.Grains.Risk;

/// <summary>Scores households with the model this silo serves, taken once per call so a swap never splits a call.</summary>
[StatelessWorker]
public sealed class FloodScoringGrain(
    ActiveFloodModel active, IPeopleIndex people, ICaseListStore cases, CityMap city, CityClock clock, RiskOptions options) : Grain, IFloodScoringGrain
{
    public async Task<FloodScoring> ScoreAsync(ImmutableArray<string> householdIds, StormForecastInput forecast, bool explain)
    {
        var model = active.Current;
        if (model is null)
        {
            return new FloodScoring(0, [], []);
        }

        var rows = (await people.HouseholdRowsAsync(householdIds)).ToDictionary(r => r.HouseholdId, StringComparer.Ordinal);
        var unknown = householdIds.Where(id => !rows.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToImmutableArray();
        if (!unknown.IsEmpty)
        {
            return new FloodScoring(model.Version, [], unknown);
        }

        var now = clock.GetUtcNow();
        var lowest = await people.LowestGroundAsync([.. rows.Values.Select(r => r.CellId)]);
        var floods = await cases.CountByCellAsync(HouseholdFeatures.FloodCategory, now);
        var ordered = householdIds.Select(id => rows[id]).ToList();
        var features = ordered.Select(row => HouseholdFeatures.Of(row, CellFacts.Of(row.CellId, city, lowest, floods, row.ElevationMeters), forecast, now.Year, options.DrainageMmPerHour)).ToList();
        var probabilities = model.Scorer.Score(features);
        var contributions = explain ? model.Scorer.Explain(features) : null;
        return new FloodScoring(model.Version, [.. ordered.Select((row, i) => new HouseholdFloodScore(
            row.HouseholdId, row.CellId, probabilities[i], probabilities[i] >= model.Threshold, [.. features[i]], contributions is null ? [] : [.. contributions[i]]))], []);
    }
}
