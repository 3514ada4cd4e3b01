namespace Governance.Contracts.CaseList;

/// <summary>The order of a list of cases; ties are broken by case id, so pages never overlap or skip.</summary>
[GenerateSerializer, Alias("CaseListSort")]
public enum CaseListSort
{
    /// <summary>Most recently opened first.</summary>
    NewestFirst = 1,

    /// <summary>Longest open first.</summary>
    OldestFirst = 2,

    /// <summary>Soonest due first (most overdue at the top); only cases whose handling clock is running.</summary>
    SoonestDue = 3,
}
