using Governance.Contracts;
using System.Collections.Immutable;
using Governance.City.Geometry;
using Governance.Contracts.Merging;

namespace Governance.Grains.Merging;

/// <summary>
/// Decides, for one cell's batch of new reports, which open case each duplicates: first the other zones their
/// circles reach are asked (one call per zone for the whole batch), then the home zone decides in order and
/// registers the rest as new open cases. A batch therefore costs one call per zone, not one per report.
/// </summary>
internal sealed class MergeLookup(IGrainFactory grains, MergeZones zones, string homeZone)
{
    /// <summary>Per query, the case to merge into, or null to open the report's own case.</summary>
    public async Task<MergeCandidate?[]> DecideAsync(IReadOnlyList<MergeQuery> queries)
    {
        if (queries.Count == 0)
        {
            return [];
        }

        var elsewhere = await AskOtherZonesAsync(queries);
        var asked = ImmutableArray.CreateBuilder<MergeQuery>(queries.Count);
        for (var i = 0; i < queries.Count; i++)
        {
            asked.Add(elsewhere?[i] is { } best ? queries[i] with { ElsewhereBest = best } : queries[i]);
        }

        var decided = await grains.Zone(homeZone).FindOrRegisterAsync(asked.MoveToImmutable());
        return [.. decided];
    }

    /// <summary>Per query, the nearest candidate in the other zones its circle reaches; null when none reaches another zone.</summary>
    private async Task<MergeCandidate?[]?> AskOtherZonesAsync(IReadOnlyList<MergeQuery> queries)
    {
        Dictionary<string, List<int>>? byZone = null;
        for (var i = 0; i < queries.Count; i++)
        {
            var point = new GeoPoint(queries[i].Point.Latitude, queries[i].Point.Longitude);
            foreach (var zone in zones.Reached(point, queries[i].MaxMeters))
            {
                if (zone != homeZone)
                {
                    byZone ??= new Dictionary<string, List<int>>(StringComparer.Ordinal);
                    (byZone.TryGetValue(zone, out var asking) ? asking : byZone[zone] = []).Add(i);
                }
            }
        }

        if (byZone is null)
        {
            // Most circles stay inside their home zone: nobody else to ask.
            return null;
        }

        var best = new MergeCandidate?[queries.Count];
        var answers = await Task.WhenAll(byZone.Select(async pair =>
            (Indexes: pair.Value, Found: await grains.Zone(pair.Key).FindAsync([.. pair.Value.Select(i => queries[i])]))));
        foreach (var (indexes, found) in answers)
        {
            for (var k = 0; k < indexes.Count; k++)
            {
                if (found[k] is { } candidate && (best[indexes[k]] is not { } current || candidate.DistanceMeters < current.DistanceMeters))
                {
                    best[indexes[k]] = candidate;
                }
            }
        }

        return best;
    }
}
