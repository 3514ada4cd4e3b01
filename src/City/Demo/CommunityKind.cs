namespace Governance.City.Demo;

/// <summary>The kind of housing that makes up a community; it decides its buildings and its people.</summary>
internal enum CommunityKind
{
    /// <summary>老城区: old low-rise streets near the river, brick-wood and brick-concrete.</summary>
    OldTown,

    /// <summary>单位大院: work-unit compounds of 5–7-storey brick-concrete blocks from 1975–2000.</summary>
    WorkUnit,

    /// <summary>商品房小区: reinforced-concrete estates, mid- and high-rise, since 2000.</summary>
    Estate,

    /// <summary>城中村: a swallowed village of self-built 2–6-storey houses.</summary>
    UrbanVillage,
}
