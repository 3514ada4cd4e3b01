namespace Governance.Risk.Features;

/// <summary>
/// The model's inputs, in the order of the feature vector: where the household stands (height above the lowest ground
/// of its cell, distance to the river), what it lives in (storey, construction, state, age), what its surroundings
/// have shown (past flood reports, drainage capacity) and the storm (rainfall over 24 h, duration).
/// </summary>
public static class FloodFeatures
{
    public const int ElevationAboveCellLowest = 0;
    public const int DistanceToRiver = 1;
    public const int Storey = 2;
    public const int Construction = 3;
    public const int Dilapidated = 4;
    public const int BuildingAge = 5;
    public const int PastFloodReports = 6;
    public const int Drainage = 7;
    public const int Rainfall = 8;
    public const int StormDuration = 9;

    public const int Count = 10;

    public static readonly IReadOnlyList<FloodFeature> All =
    [
        new("elevation_above_cell_lowest_m", "m", "the household's ground above the lowest household ground in its cell"),
        new("distance_to_river_m", "m", "from the household to the nearest river centre line"),
        new("storey", "", "the floor the household lives on (1 = ground floor)"),
        new("construction", "", "the building's structure: reinforced-concrete, brick-concrete, brick-wood, earth-or-other"),
        new("dilapidated", "", "1 when the building is rated dilapidated (危房), else 0"),
        new("building_age_years", "years", "years since the building was built"),
        new("past_flood_reports", "", "flood reports within the cell in past storms"),
        new("drainage_mm_per_h", "mm/h", "the rainfall intensity the cell's drains carry away"),
        new("rainfall_mm_24h", "mm", "the storm's forecast rainfall over 24 hours"),
        new("storm_hours", "h", "how long the storm's rain lasts"),
    ];

    /// <summary>Structures from the sturdiest (0) to the most fragile (3), as the construction feature codes them.</summary>
    public static readonly IReadOnlyList<string> Constructions = ["reinforced-concrete", "brick-concrete", "brick-wood", "earth-or-other"];
}
