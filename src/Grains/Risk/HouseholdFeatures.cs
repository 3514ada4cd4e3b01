using Governance.City.Map;
using Governance.Contracts.Risk;
using Governance.Grains.Storage;
using Governance.Risk.Features;

namespace Governance.Grains.Risk;

/// <summary>
/// A household's feature vector under a forecast, from its index row and what is known of its cell: the cell's lowest
/// household ground, its distance to the river (the grid's resolution), its past flood cases and its drainage.
/// </summary>
public static class HouseholdFeatures
{
    /// <summary>Stands for "no river": a city without river lines is this far from one everywhere.</summary>
    public const double NoRiverMeters = 10_000;

    /// <summary>The case category whose cases count as past flood reports, with everything below it.</summary>
    public const string FloodCategory = "flood";

    public static float[] Of(HouseholdRow household, CellFacts cell, StormForecastInput forecast, int year, double drainageMmPerHour)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(forecast);
        var features = new float[FloodFeatures.Count];
        features[FloodFeatures.ElevationAboveCellLowest] = (float)Math.Max(0, household.ElevationMeters - cell.LowestGroundMeters);
        features[FloodFeatures.DistanceToRiver] = (float)(cell.DistanceToRiverMeters ?? NoRiverMeters);
        features[FloodFeatures.Storey] = Math.Max(1, household.Storey);
        features[FloodFeatures.Construction] = Math.Max(0, IndexOf(household.Construction));
        features[FloodFeatures.Dilapidated] = household.Dilapidated ? 1 : 0;
        features[FloodFeatures.BuildingAge] = Math.Max(0, year - household.BuiltYear);
        features[FloodFeatures.PastFloodReports] = cell.PastFloodCases;
        features[FloodFeatures.Drainage] = (float)drainageMmPerHour;
        features[FloodFeatures.Rainfall] = (float)forecast.RainfallMm24h;
        features[FloodFeatures.StormDuration] = (float)forecast.DurationHours;
        return features;
    }

    /// <summary>
    /// The feature vectors of every household of some cells, in order. Each cell's lowest ground is taken from the rows,
    /// so they must hold all of their cells' households (an area read whole); what a household takes from its cell is
    /// worked out once a cell.
    /// </summary>
    public static float[][] OfAll(IReadOnlyList<HouseholdRow> rows, IReadOnlyDictionary<string, int> floodCases, CityMap city, StormForecastInput forecast, int year, double drainageMmPerHour)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var lowest = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            lowest[row.CellId] = Math.Min(lowest.GetValueOrDefault(row.CellId, double.MaxValue), row.ElevationMeters);
        }

        var facts = lowest.ToDictionary(pair => pair.Key, pair => CellFacts.Of(pair.Key, city, lowest, floodCases, pair.Value), StringComparer.Ordinal);
        var features = new float[rows.Count][];
        Parallel.For(0, rows.Count, i => features[i] = Of(rows[i], facts[rows[i].CellId], forecast, year, drainageMmPerHour));
        return features;
    }

    private static int IndexOf(string construction)
    {
        for (var i = 0; i < FloodFeatures.Constructions.Count; i++)
        {
            if (FloodFeatures.Constructions[i] == construction)
            {
                return i;
            }
        }

        // An unknown structure is taken as the most fragile: better a knock on the door too many.
        return FloodFeatures.Constructions.Count - 1;
    }
}

/// <summary>What a household's features take from its cell.</summary>
public sealed record CellFacts(double LowestGroundMeters, double? DistanceToRiverMeters, int PastFloodCases)
{
    public static CellFacts Of(string cellId, CityMap city, IReadOnlyDictionary<string, double> lowestGround, IReadOnlyDictionary<string, int> floodCases, double householdGround)
    {
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(lowestGround);
        ArgumentNullException.ThrowIfNull(floodCases);
        return new CellFacts(
            lowestGround.GetValueOrDefault(cellId, householdGround),
            city.TryGetCell(cellId, out var cell) ? cell.DistanceToRiverMeters : null,
            floodCases.GetValueOrDefault(cellId));
    }
}
