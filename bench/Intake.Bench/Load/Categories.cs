namespace Governance.Intake.Bench.Load;

/// <summary>Report categories a city sees, with what reporters write about them.</summary>
public static class Categories
{
    /// <summary>Everyday reports, any day.</summary>
    public static readonly IReadOnlyList<Category> Everyday =
    [
        new("road.pothole", ["Deep pothole in the right lane", "Pothole opened up after the rain, cars swerving", "Broken asphalt near the bus stop"]),
        new("road.obstruction", ["Construction fence blocks the whole pavement", "Abandoned car blocking the lane", "Scaffolding fell onto the road"]),
        new("water.no-supply", ["No water in the building since this morning", "Very low water pressure on the upper floors"]),
        new("streetlight.out", ["Street light out at the corner, very dark at night", "Three lamps out along the footpath"]),
        new("waste.overflow", ["Waste bins overflowing, bags on the pavement", "Bulky waste dumped next to the bins"]),
        new("noise", ["Loud construction work after 22:00", "Music from the shop front all evening"]),
        new("manhole.cover-missing", ["Manhole cover missing on the footpath, someone could fall in", "Manhole cover cracked and rocking"]),
        new("elderly.assistance", ["Elderly resident living alone has not been seen for two days", "Old man needs help getting groceries upstairs"]),
    ];

    /// <summary>What a storm brings: the categories incidents are drawn from.</summary>
    public static readonly IReadOnlyList<Category> Storm =
    [
        new("water.main-burst", ["Water main burst, water gushing across the street", "Water spraying out of the road surface"]),
        new("drain.blocked", ["Storm drain blocked with leaves, water rising", "Drain grate clogged, the crossing is flooding"]),
        new("drain.overflow", ["Sewer overflowing onto the road", "Drain backing up into the courtyard"]),
        new("flood.street", ["Street flooded ankle deep", "Underpass under water, cars stuck"]),
        new("flood.basement", ["Water coming into the basement of building 4", "Ground floor flat flooding"]),
        new("tree.fallen", ["Tree fell across the road", "Large branch down on parked cars"]),
        new("power.line-down", ["Power line down on the pavement, sparking", "Cable hanging low over the street"]),
    ];

    /// <summary>Both lists: what a uniform load draws from.</summary>
    public static readonly IReadOnlyList<Category> All = [.. Everyday, .. Storm];
}
