using Governance.City.Population;

namespace Governance.City.Demo;

/// <summary>A household member before names and numbers are drawn.</summary>
internal readonly record struct MemberPlan(int Age, Gender Gender, HouseholdRelation Relation, bool LeftBehind = false);
