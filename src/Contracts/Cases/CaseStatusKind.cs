namespace Governance.Contracts.Cases;

/// <summary>Where a case stands in the closed loop; later stages arrive with the case lifecycle.</summary>
[GenerateSerializer, Alias("CaseStatusKind")]
public enum CaseStatusKind
{
    /// <summary>Reported, waiting to be registered (立案).</summary>
    Reported = 1,
}
