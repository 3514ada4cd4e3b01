using System.Collections.Immutable;
using Governance.City.Map;
using Governance.Contracts.Risk;
using Governance.Grains.Clock;
using Governance.Grains.Storage;
using Governance.Risk.Features;
using Governance.Risk.Synthetic;
using Orleans.Concurrency;

namespace Governance.Grains.Risk;

/// <summary>
/// Made-up storms over the area's real households: each storm's rainfall, duration and drainage drawn as in
/// <see cref="SyntheticFloodData"/>, each household's features computed as a warning computes them, its outcome drawn
/// from the formula's probability.
/// </summary>
[StatelessWorker]
public sealed class SyntheticStormGrain(IPeopleIndex people, ICaseListStore cases, CityMap city, CityClock clock) : Grain, ISyntheticStormGrain
{
    public async Task<ImmutableArray<SyntheticOutcome>> DrawAsync(string area, int seed, int storm)
    {
        var now = clock.GetUtcNow();
        var rows = (await people.HouseholdRowsInCellsAsync(city.CellCodesIn(area))).OrderBy(r => r.HouseholdId, StringComparer.Ordinal).ToList();
        var floods = await cases.CountByCellAsync(HouseholdFeatures.FloodCategory, now);
        // One sequence per storm, so storm 7 is the same whether or not storms 1 to 6 were drawn first.
        var random = new Random(unchecked((seed * 1_000_003) + storm));
        var (rainfall, hours, drainage) = SyntheticFloodData.DrawStorm(random);
        var features = HouseholdFeatures.OfAll(rows, floods, city, new StormForecastInput(rainfall, hours), now.Year, drainage);
        var outcomes = ImmutableArray.CreateBuilder<SyntheticOutcome>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var truth = SyntheticFloodData.TrueProbability(features[i]);
            outcomes.Add(new SyntheticOutcome(rows[i].HouseholdId, rows[i].CellId, [.. features[i]], SyntheticFloodData.DrawOutcome(random, truth), truth));
        }

        return outcomes.MoveToImmutable();
    }
}
