namespace Governance.City.Population;

/// <summary>A member's relation to the head of the household (与户主关系).</summary>
public enum HouseholdRelation
{
    Head,
    Spouse,
    Child,
    Parent,
    Grandchild,
    Other,
}
