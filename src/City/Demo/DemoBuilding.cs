using Governance.City.Population;

namespace Governance.City.Demo;

/// <summary>A residential building: its structure and how many dwellings it has per floor.</summary>
internal sealed record DemoBuilding(
    ConstructionType Construction,
    int Storeys,
    int Units,
    int RoomsPerFloor,
    int BuiltYear,
    bool Dilapidated)
{
    public int Dwellings => Storeys * Units * RoomsPerFloor;

    /// <summary>
    /// Draws a building for a community of the given kind (uniform ranges, inclusive):
    /// old town — brick-wood 45 % (1–2 storeys, 1930–1975), brick-concrete 45 % (2–5, 1960–1995), earth/other 10 % (1–2, 1950–1985);
    /// work-unit compound — brick-concrete 85 % (5–7, 1975–2000), reinforced concrete 15 % (6–9, 1995–2008);
    /// estate — reinforced concrete, mid-rise 25 % (6–11, 2000–2012) or high-rise 75 % (18–33, 2005–last year);
    /// urban village — brick-concrete 70 % (2–6, 1985–2015), brick-wood 20 % (1–3, 1960–1990), earth/other 10 % (1–2, 1970–2000).
    /// Dilapidated with probability by structure and age A: brick-wood 0.15 + 0.006·(A − 40) within 0.10–0.60;
    /// earth/other 0.30; brick-concrete 0.08 when A &gt; 40, 0.03 when A &gt; 25, else 0.01; reinforced concrete 0.003.
    /// </summary>
    public static DemoBuilding Draw(CommunityKind kind, int lastYear, DemoRandom r)
    {
        var x = r.NextDouble();
        var (construction, storeys, units, rooms, from, to) = kind switch
        {
            CommunityKind.OldTown when x < 0.45 => (ConstructionType.BrickWood, r.Between(1, 2), 1, r.Between(2, 4), 1930, 1975),
            CommunityKind.OldTown when x < 0.90 => (ConstructionType.BrickConcrete, r.Between(2, 5), r.Between(1, 2), r.Between(2, 3), 1960, 1995),
            CommunityKind.OldTown => (ConstructionType.EarthOrOther, r.Between(1, 2), 1, r.Between(1, 3), 1950, 1985),
            CommunityKind.WorkUnit when x < 0.85 => (ConstructionType.BrickConcrete, r.Between(5, 7), r.Between(2, 4), 2, 1975, 2000),
            CommunityKind.WorkUnit => (ConstructionType.ReinforcedConcrete, r.Between(6, 9), r.Between(2, 3), 2, 1995, 2008),
            CommunityKind.Estate when x < 0.25 => (ConstructionType.ReinforcedConcrete, r.Between(6, 11), r.Between(1, 3), r.Between(2, 4), 2000, 2012),
            CommunityKind.Estate => (ConstructionType.ReinforcedConcrete, r.Between(18, 33), r.Between(1, 3), r.Between(2, 4), 2005, lastYear),
            _ when x < 0.70 => (ConstructionType.BrickConcrete, r.Between(2, 6), 1, r.Between(2, 4), 1985, 2015),
            _ when x < 0.90 => (ConstructionType.BrickWood, r.Between(1, 3), 1, r.Between(1, 3), 1960, 1990),
            _ => (ConstructionType.EarthOrOther, r.Between(1, 2), 1, r.Between(1, 2), 1970, 2000),
        };
        var built = r.Between(from, Math.Min(to, lastYear));
        var age = lastYear + 1 - built;
        var dilapidated = construction switch
        {
            ConstructionType.BrickWood => Math.Clamp(0.15 + (0.006 * (age - 40)), 0.10, 0.60),
            ConstructionType.EarthOrOther => 0.30,
            ConstructionType.BrickConcrete => age > 40 ? 0.08 : age > 25 ? 0.03 : 0.01,
            _ => 0.003,
        };
        return new DemoBuilding(construction, storeys, units, rooms, built, r.Chance(dilapidated));
    }
}
