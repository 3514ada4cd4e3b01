namespace Governance.City.Population;

/// <summary>The structure of a residential building, which drives how it fares in a flood.</summary>
public enum ConstructionType
{
    /// <summary>钢混: reinforced-concrete frame; high-rises and most buildings since the 1990s.</summary>
    ReinforcedConcrete,

    /// <summary>砖混: brick walls with concrete floors; the 5–7-storey blocks of the 1970s–1990s and self-built houses.</summary>
    BrickConcrete,

    /// <summary>砖木: brick walls with timber floors and roof; old low-rise housing.</summary>
    BrickWood,

    /// <summary>土木及其他: earth, timber or makeshift structures.</summary>
    EarthOrOther,
}
