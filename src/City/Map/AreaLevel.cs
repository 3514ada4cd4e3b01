namespace Governance.City.Map;

/// <summary>The administrative level of an area, from the largest to the smallest.</summary>
public enum AreaLevel
{
    /// <summary>区: a district.</summary>
    District,

    /// <summary>街道: a street (sub-district office).</summary>
    Street,

    /// <summary>社区: a community, the level grid cells belong to. A real city read from one file of neighbourhoods has only this level.</summary>
    Community,
}
